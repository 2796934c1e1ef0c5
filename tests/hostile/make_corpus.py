"""Writes the hostile-input corpus: `python tests/hostile/make_corpus.py`.

Each case is a folder `corpus/<name>/` holding its input files exactly as bytes and
`case.json`: the command line (run in that folder; `{out}` stands for a fresh output folder)
and the exact outcome — exit code, the stderr line, the findings, the citations, or what
the editions must and must not contain. The expectations are written here by hand, from
the README's contract; they are not recorded from a run of the tool.

`test_hostile_corpus.py` runs every case, and checks that the committed folders are what
this script writes (so the table below and the files never drift apart).
"""

from __future__ import annotations

import codecs
import json
import shutil
import struct
import sys
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"

P, B = "paper.txt", "refs.bib"  # every case's input names


@dataclass
class Case:
    name: str
    files: dict[str, bytes]
    argv: list[str]
    expect: dict
    # Files git cannot hold, made by the test before the run: `fifo` (a named pipe) or
    # `null-device` (a character device like /dev/null); each must still be one after the run.
    special: dict[str, str] = field(default_factory=dict)


CASES: list[Case] = []


def case(name: str, files: dict[str, bytes | str], argv: list[str], special: dict[str, str] | None = None, **expect) -> None:
    assert not any(c.name == name for c in CASES), name
    data = {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in files.items()}
    if "diagnostics" in expect:  # the documented order: by file, line, column, code (stable)
        expect["diagnostics"] = sorted(expect["diagnostics"], key=lambda d: (d[1], d[2], d[3], d[0]))
    CASES.append(Case(name, data, argv, expect, special or {}))


def first_bad_byte(data: bytes) -> tuple[int, str]:
    """(line, `0x..`) of the first byte Python's UTF-8 decoder rejects."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]  # CRLF, CR and LF each end a line
        return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1, f"0x{data[exc.start]:02x}"
    raise AssertionError("valid UTF-8")


def col(line: str, needle: str) -> int:
    """1-based column of `needle` in `line` (columns count characters, as the README says)."""
    return line.index(needle) + 1


# ---- expectations shared by many cases ------------------------------------------------------

NO_LIST = "the paper cites sources but has no reference list (and no --bib was given)"


def no_entry(label: str) -> str:
    return f"[{label}] has no entry: there is no reference list"


def refused(name: str, files: dict, message: str, argv: list[str] | None = None, special: dict[str, str] | None = None) -> None:
    """Input that cannot be read: exit 2, nothing on stdout, exactly this line on stderr."""
    case(name, files, argv or ["check", "--json", P], special, exit=2, stdout="", stderr=f"exporter: error: {message}\n")


def unresolved_one(name: str, data: bytes, line: int, column: int, encoding: str, end_line: int = 1, notes: list | None = None) -> None:
    """A paper citing [1] with no list: read right, its citation where it stands."""
    diagnostics = [["REF001", P, end_line, 1, NO_LIST], ["CIT001", P, line, column, no_entry("1")], *(notes or [])]
    case(
        name, {P: data}, ["check", "--json", P], exit=1, stderr="",
        report={"encoding": encoding, "unresolved": ["1"], "entries": 0, "bibliography": None},
        citations=[["1", line, column, None]], diagnostics=diagnostics,
    )


# ---- encodings and line ends ------------------------------------------------------------------

RU = "Торговля между степью и Синьцзяном развивалась медленно [1].\n"
RU_COL = col(RU, "[1]")
KK = "Қазақстан мен Қытай арасындағы қарым-қатынас тарихы өте бай, ғылыми еңбектер жазылды [1].\n"
KK_COL = col(KK, "[1]")
EN_LATIN = "Café au lait, naïve résumé über die Straße [1].\n"


def legacy(codec: str) -> list:
    return [["TXT002", P, 1, 1, f"not UTF-8: decoded as {codec}"]]


unresolved_one("enc-utf8", RU.encode("utf-8"), 1, RU_COL, "utf-8")
unresolved_one("enc-utf8-bom", codecs.BOM_UTF8 + KK.encode("utf-8"), 1, KK_COL, "utf-8-sig")
unresolved_one("enc-utf16le-bom", codecs.BOM_UTF16_LE + KK.encode("utf-16-le"), 1, KK_COL, "utf-16")
unresolved_one("enc-utf16be-bom", codecs.BOM_UTF16_BE + RU.encode("utf-16-be"), 1, RU_COL, "utf-16")
unresolved_one("enc-cp1251-russian", RU.encode("cp1251"), 1, RU_COL, "cp1251", notes=legacy("cp1251"))
unresolved_one("enc-kz1048-kazakh", KK.encode("kz1048"), 1, KK_COL, "kz1048", notes=legacy("kz1048"))
# Russian text is the same bytes in both: Windows-1251, the common one, is assumed.
unresolved_one("enc-kz1048-russian-reads-as-cp1251", RU.encode("kz1048"), 1, RU_COL, "cp1251", notes=legacy("cp1251"))
# Windows-1252 punctuation only (the same characters in Windows-1251): read, and said so.
DASHES = "A dash \u2013 and \u201cquotes\u201d [1].\n"
unresolved_one("enc-single-byte-dash-only", DASHES.encode("cp1252"), 1, col(DASHES, "[1]"), "cp1251", notes=legacy("cp1251"))
refused("enc-utf16-bom-odd-length", {P: codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"c"},
        f"{P}: has a UTF-16 byte-order mark but is not valid UTF-16 (byte 6)")
refused("enc-utf16le-no-bom", {P: RU.encode("utf-16-le")}, f"{P}: looks like UTF-16 (little-endian) without a byte-order mark; save it as UTF-8")
refused("enc-utf16be-no-bom", {P: KK.encode("utf-16-be")}, f"{P}:1: looks like UTF-16 (big-endian) without a byte-order mark; save it as UTF-8")
refused("enc-utf16le-no-bom-ascii", {P: "plain English text [1].\n".encode("utf-16-le")},
        f"{P}: looks like UTF-16 (little-endian) without a byte-order mark; save it as UTF-8")
refused("enc-utf32le-bom", {P: codecs.BOM_UTF32_LE + RU.encode("utf-32-le")}, f"{P}: is UTF-32 text, which is not read: save it as UTF-8")
refused("enc-utf32be-bom", {P: codecs.BOM_UTF32_BE + RU.encode("utf-32-be")}, f"{P}: is UTF-32 text, which is not read: save it as UTF-8")
RU_8BIT = "Торговля между степью и Синьцзяном развивалась медленно, это ясно [1].\n"
refused("enc-koi8r", {P: RU_8BIT.encode("koi8_r")},
        f"{P}:1: is not UTF-8 (invalid byte 0xf4); it looks like KOI8-R text: convert it to UTF-8 (for example `iconv -f koi8-r -t utf-8`)")
refused("enc-cp866", {P: RU_8BIT.encode("cp866")},
        f"{P}:1: is not UTF-8 (invalid byte 0x92); it looks like CP866 (DOS) text: convert it to UTF-8 (for example `iconv -f cp866 -t utf-8`)")
refused("enc-mac-cyrillic", {P: RU_8BIT.encode("mac_cyrillic")},
        f"{P}:1: is not UTF-8 (invalid byte 0x92); it looks like Mac Cyrillic text: convert it to UTF-8 (for example `iconv -f mac-cyrillic -t utf-8`)")
refused("enc-iso8859-5", {P: RU_8BIT.encode("iso8859_5")},
        f"{P}:1: is not UTF-8 (invalid byte 0xc2); it looks like ISO-8859-5 text: convert it to UTF-8 (for example `iconv -f iso8859-5 -t utf-8`)")
refused("enc-cp1252-latin", {P: EN_LATIN.encode("cp1252")},
        f"{P}:1: is not UTF-8 (invalid byte 0xe9); it looks like Windows-1252 (Western European) text: convert it to UTF-8 (for example `iconv -f cp1252 -t utf-8`)")
refused("enc-cp1251-undefined-byte", {P: ("Торговля между степью " + "и Синьцзяном [1].\n").encode("cp1251") + b"\x98\n"},
        f"{P}:2: is not UTF-8 and not valid Windows-1251 (byte 0x98 has no character); convert it to UTF-8")
# UTF-8 once read in a code page and saved again: repaired line by line (TXT003), the genuine
# lines (`мәтін`) kept; a text spoiled through two code pages is refused.
def repaired(label: str, line: int) -> list:
    return [["TXT003", P, line, 1, f"UTF-8 text once read as {label} and saved again (mojibake) repaired on 1 line; columns there count the repaired text"]]


unresolved_one("enc-mojibake-via-cp1251", ("мәтін\n" + RU.encode("utf-8").decode("cp1251")).encode("utf-8"), 2, RU_COL, "utf-8", end_line=2, notes=repaired("Windows-1251", 2))
unresolved_one("enc-mojibake-via-cp1252", EN_LATIN.encode("utf-8").decode("cp1252").encode("utf-8"), 1, col(EN_LATIN, "[1]"), "utf-8", notes=repaired("Windows-1252", 1))
unresolved_one("enc-mojibake-via-latin1", RU.encode("utf-8").decode("latin-1").encode("utf-8"), 1, RU_COL, "utf-8", notes=repaired("Latin-1", 1))
# issue 16: each line is repaired through the code page that reads it, not the whole text refused
case(
    "enc-mojibake-two-code-pages", {P: RU.encode("utf-8").decode("cp1251") + EN_LATIN.encode("utf-8").decode("cp1252")}, ["check", "--json", P],
    exit=1, stderr="", report={},
    citations=[["1", 1, RU_COL, None], ["1", 2, col(EN_LATIN, "[1]"), None]],
    diagnostics=[
        ["TXT003", P, 1, 1, "UTF-8 text once read as Windows-1251 and Windows-1252 and saved again (mojibake) repaired on 2 lines; columns there count the repaired text"],
        ["CIT001", P, 1, RU_COL, no_entry("1")], ["REF001", P, 2, 1, NO_LIST], ["CIT001", P, 2, col(EN_LATIN, "[1]"), no_entry("1")],
    ],
)
refused("enc-utf8-truncated-at-end", {P: (KK + "Екінші жол").encode("utf-8")[:-1]},
        f"{P}:2: is UTF-8 with a broken character: byte 18 of this line (0xd0) is not UTF-8; fix or remove it")
refused("enc-utf8-broken-character-cr-lines", {P: "бір\rекі\rүш ".encode() + b"\xd2"}, f"{P}:3: is UTF-8 with a broken character: byte 6 of this line (0xd2) is not UTF-8; fix or remove it")
refused("enc-cp1251-undefined-byte-cr-lines", {P: "Торговля между степью\rи Синьцзяном [1].\r".encode("cp1251") + b"\x98\r"},
        f"{P}:3: is not UTF-8 and not valid Windows-1251 (byte 0x98 has no character); convert it to UTF-8")
unresolved_one("enc-mojibake-cr-lines", ("мәтін\rбір\r" + RU.replace("\n", "\r").encode("utf-8").decode("cp1251")).encode("utf-8"), 3, RU_COL, "utf-8",
               end_line=3, notes=repaired("Windows-1251", 3))
refused("enc-utf8-one-bad-byte", {P: KK.encode("utf-8") + b"\xff" + KK.encode("utf-8")},
        f"{P}:2: is UTF-8 with a broken character: byte 1 of this line (0xff) is not UTF-8; fix or remove it")
HIGH = bytes((i * 97 + 13) % 224 + 32 for i in range(2000))
refused("enc-random-high-bytes", {P: HIGH},
        f"{P}:{first_bad_byte(HIGH)[0]}: is not UTF-8 (invalid byte {first_bad_byte(HIGH)[1]}) and does not read as text in any known encoding; convert it to UTF-8")

# Line ends: CRLF, CR and LF each end a line; columns count characters of the line.
unresolved_one("eol-crlf", "бірінші жол\r\nекінші жол [1]\r\nүшінші жол\r\n".encode(), 2, 12, "utf-8", end_line=3)
unresolved_one("eol-cr", "бірінші жол\rекінші жол [1]\rүшінші жол\r".encode(), 2, 12, "utf-8", end_line=3)
unresolved_one("eol-mixed", "бірінші\nекінші\r\nүшінші\rтөртінші [1]\n".encode(), 4, 10, "utf-8", end_line=4)
unresolved_one("eol-none-at-end", "бір [1]".encode(), 1, 5, "utf-8")
unresolved_one("eol-cr-cp1251", "первая строка\rвторая [1]\r".encode("cp1251"), 2, 8, "cp1251", end_line=2, notes=legacy("cp1251"))
unresolved_one("eol-crlf-utf16", codecs.BOM_UTF16_LE + "бір\r\nекі [1]\r\n".encode("utf-16-le"), 2, 5, "utf-16", end_line=2)
unresolved_one("eol-crlf-bom", codecs.BOM_UTF8 + "бір\r\n\r\nекі [1]\r\n".encode(), 3, 5, "utf-8-sig", end_line=3)
# U+2028 and NEL are spaces inside a line, never line ends (an editor's line numbers stay right).
unresolved_one("eol-u2028-is-a-space", "бір\u2028екі [1]\nүш\n".encode(), 1, 9, "utf-8", end_line=2)
unresolved_one("eol-nel-is-a-space", "бір\x85екі [1]\n".encode(), 1, 9, "utf-8",
               notes=[["TXT001", P, 1, 4, "control character U+0085 removed"]])

# ---- not text ----------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _docx() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", (1980, 1, 1, 0, 0, 0)), "<Types/>")
        z.writestr(zipfile.ZipInfo("word/document.xml", (1980, 1, 1, 0, 0, 0)), "<w:document/>")
    return out.getvalue()


refused("not-text-empty", {P: b""}, f"{P}: is empty")
refused("not-text-bom-only", {P: codecs.BOM_UTF8}, f"{P}: is empty")
refused("not-text-utf16-bom-only", {P: codecs.BOM_UTF16_LE}, f"{P}: is empty")
refused("not-text-whitespace", {P: b"  \n\t\n\r\n   "}, f"{P}: contains no text (only whitespace or control characters)")
refused("not-text-form-feeds", {P: b"\x0c\n\x0c\x0c\n"}, f"{P}: contains no text (only whitespace or control characters)")
refused("not-text-nuls", {P: b"\x00" * 5}, f"{P}: contains no text (only whitespace or control characters)")
refused("not-text-pdf", {P: PDF}, f"{P}: is named .txt but its bytes are a PDF; rename it to the right extension")
refused("not-text-png", {P: PNG}, f"{P}: is a PNG image, not text")
refused("not-text-jpeg", {P: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"}, f"{P}: is a JPEG image, not text")
refused("not-text-gif", {P: b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"}, f"{P}: is a GIF image, not text")
refused("not-text-docx", {P: _docx()}, f"{P}: is named .txt but its bytes are a DOCX (Word) file; rename it to the right extension")
refused("not-text-doc", {P: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64}, f"{P}: is an old Office document (DOC/XLS), not plain text: save it as .txt first")
refused("not-text-rtf", {P: b"{\\rtf1\\ansi Hello [1]}\n"}, f"{P}: is an RTF document, not plain text: save it as .txt first")
refused("not-text-elf", {P: b"\x7fELF\x02\x01\x01" + b"\x00" * 57}, f"{P}: is binary data, not text")
refused("not-text-gzip", {P: b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256))}, f"{P}:1: is binary data, not text")
refused("not-text-many-controls", {P: b"text" + b"\x01\x02\x03" * 10 + b"\n"}, f"{P}: is binary data, not text")
refused("not-text-directory", {f"{P}/.keep": b""}, f"{P}: is a directory, not a file")
refused("not-text-missing", {}, "nothere.txt: no such file", argv=["check", "nothere.txt"])
refused("not-text-missing-folder", {}, "no/such/folder/paper.txt: no such file", argv=["check", "no/such/folder/paper.txt"])
refused("not-text-parent-is-a-file", {P: RU}, f"{P}/x.txt: no such file (a folder in its path is a file)", argv=["check", f"{P}/x.txt"])
refused("not-text-dev-zero", {}, "/dev/zero: is a device or socket, not a file", argv=["check", "/dev/zero"])
refused("not-text-dev-urandom-bib", {P: RU}, "/dev/urandom: is a device or socket, not a file", argv=["check", P, "--bib", "/dev/urandom"])
refused("not-text-inspect-pdf", {P: PDF}, f"{P}: is named .txt but its bytes are a PDF; rename it to the right extension", argv=["inspect", P])
refused("not-text-bib-missing", {P: RU}, "nothere.bib: no such file", argv=["check", P, "--bib", "nothere.bib"])
refused("not-text-bib-directory", {P: RU, f"{B}/.keep": b""}, f"{B}: is a directory, not a file", argv=["check", P, "--bib", B])
refused("not-text-bib-pdf", {P: RU, B: PDF}, f"{B}: is a PDF file, not text: extract its text first (for example `pdftotext -layout`)", argv=["check", P, "--bib", B])
ALL_BYTES = bytes(range(256)) * 4
refused("not-text-bib-binary", {P: RU, B: ALL_BYTES}, f"{B}:{first_bad_byte(ALL_BYTES)[0]}: is binary data, not text", argv=["check", P, "--bib", B])
HIGH_BIB = bytes((i * 89 + 7) % 224 + 32 for i in range(3000))
refused("not-text-bib-random-high-bytes", {P: RU, B: HIGH_BIB},
        f"{B}:{first_bad_byte(HIGH_BIB)[0]}: is not UTF-8 (invalid byte {first_bad_byte(HIGH_BIB)[1]}) and does not read as text in any known encoding; convert it to UTF-8",
        argv=["check", P, "--bib", B])
refused("not-text-build-pdf", {P: PDF}, f"{P}: is named .txt but its bytes are a PDF; rename it to the right extension",
        argv=["build", P, "--out", "{out}", "--to", "latex"])

# ---- PDF sources (the PDF reader) --------------------------------------------------------------
# Small PDFs written here byte by byte; encrypted, scanned and 500-page PDFs are made at test time
# by tests/test_pdf_reader.py (reportlab, pypdf), whose bytes are not reproducible.

PP = "paper.pdf"
BLANK_PAGE_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                  b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
refused("pdf-no-pages", {PP: PDF}, f"{PP}: is not a readable PDF (corrupt or truncated)", argv=["check", "--json", PP])
refused("pdf-truncated", {PP: PDF[:40]}, f"{PP}: is not a readable PDF (corrupt or truncated)", argv=["check", "--json", PP])
refused("pdf-garbage-after-header", {PP: b"%PDF-1.7\n" + bytes(range(256)) * 3}, f"{PP}: is not a readable PDF (corrupt or truncated)", argv=["check", "--json", PP])
refused("pdf-no-text-layer", {PP: BLANK_PAGE_PDF}, f"{PP}: has no text layer (1 page(s) of images: a scan?); it needs OCR first, e.g. `ocrmypdf {PP} out.pdf`, then check out.pdf", argv=["check", "--json", PP])
refused("pdf-named-txt-is-refused-by-name", {"scan.txt": BLANK_PAGE_PDF}, "scan.txt: is named .txt but its bytes are a PDF; rename it to the right extension", argv=["check", "scan.txt"])


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_document(contents: list[bytes], count: int | None = None, font: bytes = HELVETICA, extra: dict[int, bytes] | None = None,
                 raw_streams: dict[int, bytes] | None = None) -> bytes:
    """A PDF written object by object: catalog 1, pages 2, font 3, then page and content per
    page (4, 5; 6, 7 …); `count` overrides the page tree's /Count; `raw_streams` gives a page's
    content as Flate data already compressed; `extra` adds objects."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: font, **(extra or {})}
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(contents))).encode()
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents) if count is None else count)
    for i, content in enumerate(contents):
        objects[4 + 2 * i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        flate = (raw_streams or {}).get(i)
        data, head = (flate, b" /Filter /FlateDecode") if flate is not None else (content, b"")
        objects[5 + 2 * i] = b"<< /Length %d%s >>\nstream\n" % (len(data), head) + data + b"\nendstream"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    return bytes(out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))


def pdf_text(lines: list[str], size: float = 11, matrix: bytes = b"", top: int = 770, hex_codes=None) -> bytes:
    """A content stream setting `lines` one under another (`matrix`: a text matrix first;
    `hex_codes`: each line as the font's codes in hex, for a CID font)."""
    parts = [b"BT /F1 %s Tf" % str(size).encode(), matrix, b"72 %d Td 14 TL" % top]
    for line in lines:
        shown = hex_codes(line) if hex_codes else b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
        parts.append(shown + b" Tj T*")
    return b"\n".join(parts + [b"ET"])


PDF_PAPER = ["A Study Of Things", "", "The results agree with the work of others [1] and [2].",
             "More text follows here with enough letters to be read [3].", "", "References",
             "1. Smith J. One. 2020.", "2. Doe A. Two. 2021.", "3. Roe B. Three. 2019."]
PDF_READ = dict(exit=0, stderr="", report={"unresolved": [], "entries": 3})


def pdf_read(name: str, data: bytes, diagnostics: list | None = None) -> None:
    """A PDF whose three citations all resolve: read right."""
    case(name, {PP: data}, ["check", "--json", PP], **PDF_READ, diagnostics=diagnostics or [])


# A negative font size draws each glyph turned in place: read in the content's order (before: nothing read, exit 0).
pdf_read("pdf-negative-font-size", pdf_document([pdf_text(PDF_PAPER, size=-11)]))
# A page set sideways or upside down is read as if upright (before: "no text layer … a scan?").
pdf_read("pdf-text-turned-90", pdf_document([pdf_text(PDF_PAPER, matrix=b"0 1 -1 0 300 100 Tm")]))
pdf_read("pdf-text-turned-180", pdf_document([pdf_text(PDF_PAPER, matrix=b"-1 0 0 -1 500 800 Tm")]))
pdf_read("pdf-tiny-text", pdf_document([pdf_text(PDF_PAPER, size=0.3)]))
refused("pdf-text-askew-only", {PP: pdf_document([pdf_text(PDF_PAPER, matrix=b"0.7071 0.7071 -0.7071 0.7071 200 100 Tm")])},
        f"{PP}: has {sum(len(line.replace(' ', '')) for line in PDF_PAPER)} characters of text, all set askew (neither level nor at a right angle); exporter reads text set level or turned by a right angle",
        argv=["check", "--json", PP])
# A 1-pt rule of underscores outnumbering the text made 1 pt the body size: every line was a
# title or a heading, and the citations went into the title (before: 0 citations, exit 0).
RULE = b"BT /F1 1 Tf 72 800 Td (" + b"_" * 3000 + b") Tj ET\n"
pdf_read("pdf-rule-1pt-is-not-the-body-size", pdf_document([RULE + pdf_text(PDF_PAPER[2:])]))
# The page tree claims a million pages over one (before: "has 1000000 pages", refused).
pdf_read("pdf-count-one-million", pdf_document([pdf_text(PDF_PAPER)], count=1_000_000))
refused("pdf-second-page-damaged", {PP: pdf_document([pdf_text(PDF_PAPER)], count=2).replace(b"/Kids [4 0 R]", b"/Kids [4 0 R 3 0 R]")},
        f"{PP}: is a damaged PDF: a page cannot be read", argv=["check", "--json", PP])
# A CID font without a character map: PDFium returns its glyph numbers as letters.
CID_FONT = b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Foo /Encoding /Identity-H /DescendantFonts [20 0 R] >>"
CID_PARTS = {20: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Foo /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 21 0 R /DW 500 >>",
             21: b"<< /Type /FontDescriptor /FontName /ABCDEF+Foo /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"}
GLYPHS = lambda line: b"<" + "".join(f"{(ord(c) - 29) if c != ' ' else 3:04X}" for c in line).encode() + b">"  # noqa: E731
# PDFium takes each glyph number for a character code: numbers under 32 (digits, `.`) become
# control characters and are dropped; the rest (letters, brackets) read as other characters.
UNMAPPED = sum(1 for line in PDF_PAPER for c in line if c != " " and ord(c) - 29 >= 32)
case("pdf-cid-font-without-character-map", {PP: pdf_document([pdf_text(PDF_PAPER, hex_codes=GLYPHS)], font=CID_FONT, extra=CID_PARTS)},
     ["check", "--json", PP], exit=0, stderr="",
     diagnostics=[["PDF001", PP, 1, 1, f"{UNMAPPED} characters, from page 1, come from fonts with no character map (ToUnicode): their text may read as other letters than the PDF shows; citations there may be missed"]])

# ---- usage -------------------------------------------------------------------------------------

refused("usage-to-empty", {P: RU}, "--to: unknown edition (none); choose from docx, pdf, latex, html, zip", argv=["build", P, "--out", "{out}", "--to", ","])
refused("usage-to-unknown", {P: RU}, "--to: unknown edition odt; choose from docx, pdf, latex, html, zip", argv=["build", P, "--out", "{out}", "--to", "latex,odt"])
refused("usage-jobs-zero", {P: RU}, "--jobs: must be at least 1", argv=["build", P, "--out", "{out}", "--jobs", "0"])
refused("usage-template-missing", {P: RU}, "no-such-venue: no such template (available: article, ieee-conference, kz-conference, kz-journal, springer-lncs)", argv=["build", P, "--out", "{out}", "--template", "no-such-venue"])
refused("usage-out-is-a-file", {P: RU, "dist": b"a file\n"}, "dist: is not a folder", argv=["build", P, "--out", "dist"])
refused("usage-out-under-a-file", {P: RU, "dist": b"a file\n"}, "dist/sub: cannot be created: Not a directory", argv=["build", P, "--out", "dist/sub"])
refused("usage-same-output-names", {P: RU, f"a/{P}": RU}, f"a/{P}: its editions would be named paper.* like those of {P}; rename one or build them apart",
        argv=["build", P, f"a/{P}", "--out", "{out}", "--to", "latex"])
refused("usage-output-would-overwrite-source", {"paper.tex": RU}, "paper.tex: would be overwritten by the edition paper.tex; choose another --out",
        argv=["build", "paper.tex", "--out", ".", "--to", "latex"])
refused("usage-output-would-overwrite-bib", {P: RU, "paper.report.json": "@book{a, title={A}}\n"},
        "paper.report.json: would be overwritten by the edition paper.report.json; choose another --out",
        argv=["build", P, "--bib", "paper.report.json", "--out", ".", "--to", "latex"])

# ---- control characters ------------------------------------------------------------------------


def controls(name: str, line: str, cite: str, notes: list) -> None:
    """One line with control characters: each reported, the text read with them as gaps."""
    unresolved_one(name, (line + "\n").encode(), 1, col(line, cite), "utf-8",
                   notes=[["TXT001", P, 1, c, m] for c, m in notes])


controls("ctl-nul", "бір\x00екі [1]", "[1]", [(4, "control character U+0000 removed")])
controls("ctl-escape-ansi-colour", "a\x1b[31mred\x1b[0m text [1]", "[1]", [(2, "control character U+001B removed (and 1 more on this line)")])
controls("ctl-form-feed-in-word", "сөз\x0cдер [1]", "[1]", [(4, "control character U+000C removed")])
controls("ctl-vertical-tab", "сөз\x0bдер [1]", "[1]", [(4, "control character U+000B removed")])
controls("ctl-ufffe", "a\ufffeb [1]", "[1]", [(2, "control character U+FFFE removed")])
controls("ctl-uffff", "a\uffffb [1]", "[1]", [(2, "control character U+FFFF removed")])
controls("ctl-del", "a\x7fb [1]", "[1]", [(2, "control character U+007F removed")])
controls("ctl-c1", "a\x80b\x9fc [1]", "[1]", [(2, "control character U+0080 removed (and 1 more on this line)")])
controls("ctl-several", "\x00\x01\x02 text [1]", "[1]", [(1, "control character U+0000 removed (and 2 more on this line)")])
controls("ctl-bell-backspace", "ding\x07\x08 [1]", "[1]", [(5, "control character U+0007 removed (and 1 more on this line)")])
FF_PAGES = "бірінші бет [1].\n\x0c\nекінші бет [1].\n"
case("ctl-form-feed-page-break", {P: FF_PAGES}, ["check", "--json", P], exit=1, stderr="",
     citations=[["1", 1, 13, None], ["1", 3, 12, None]],
     # a form feed opening a line is a page break (pdftotext), not a stray control character
     diagnostics=[["CIT001", P, 1, 13, no_entry("1")], ["CIT001", P, 3, 12, no_entry("1")], ["REF001", P, 3, 1, NO_LIST]])
case("ctl-nul-splits-a-citation", {P: "see [1\x002] here\n"}, ["check", "--json", P], exit=0, stderr="", citations=[],
     diagnostics=[["CIT005", P, 1, 5, "[1 2] looks like a citation but cannot be read; kept as text"], ["TXT001", P, 1, 7, "control character U+0000 removed"]])
case("ctl-in-bib", {P: "see [1].\n", B: "@book{a, title={A\x00B\x0cC}, year={2000\x1b}}\n"}, ["inspect", P, "--bib", B], exit=0, stderr="",
     model={"references": [{"key": "a", "number": 1, "line": 1, "column": 1, "end_line": 1, "end_column": 1, "type": "book", "fields": {"title": "A B C", "year": "2000 "}}]})
case("ctl-in-bib-reported", {P: "see [1].\n", B: "@book{a, title={A\x00B\x0cC}, year={2000\x1b}}\n"}, ["check", "--json", P, "--bib", B], exit=0, stderr="",
     citations=[["1", 1, 5, "a"]], diagnostics=[["TXT001", B, 1, 18, "control character U+0000 removed (and 2 more on this line)"]])
case("ctl-list-marker-then-escape", {P: "- \x1b\nмәтін [1]\n"}, ["check", "--json", P], exit=1, stderr="",
     citations=[["1", 2, 7, None]],
     diagnostics=[["TXT001", P, 1, 3, "control character U+001B removed"], ["CIT001", P, 2, 7, no_entry("1")], ["REF001", P, 2, 1, NO_LIST]])
case("ctl-list-marker-nul-gap", {P: "-\x00мәтін [1]\n"}, ["inspect", P], exit=0, stderr="",
     model={"blocks": [{"type": "list", "line": 1, "column": 3, "end_line": 1, "end_column": 12,
                        "items": [{"line": 1, "column": 3, "end_line": 1, "end_column": 12, "text": "мәтін [1]"}]}]})

# ---- citations ----------------------------------------------------------------------------------


def cites(name: str, line: str, expected: list, diagnostics: list, exit: int) -> None:
    """One line of text; `expected` holds (label, needle) for each citation item."""
    found = [[label, 1, col(line, needle), None] for label, needle in expected]
    case(name, {P: line + "\n"}, ["check", "--json", P], exit=exit, stderr="", citations=found, diagnostics=diagnostics)


L = "мәтін [0] мұнда"
cites("cite-zero", L, [("0", "[0]")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("0")]], 1)
L = "мәтін [99999999999] мұнда"
cites("cite-eleven-digits", L, [("99999999999", "[9")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("99999999999")]], 1)
L = "мәтін [1234567890123] мұнда"
cites("cite-thirteen-digits", L, [], [["CIT005", P, 1, 7, "[1234567890123] looks like a citation but cannot be read; kept as text"]], 0)
L = "мәтін [5–1] мұнда"
cites("cite-reversed-range", L, [("5–1", "[5")], [["REF001", P, 1, 1, NO_LIST], ["CIT004", P, 1, 7, "[5–1]: range 5–1 is reversed"]], 1)
L = "мәтін [5-1] мұнда"
cites("cite-reversed-range-hyphen", L, [("5-1", "[5")], [["REF001", P, 1, 1, NO_LIST], ["CIT004", P, 1, 7, "[5-1]: range 5-1 is reversed"]], 1)
L = "мәтін [1–100000] мұнда"
cites("cite-huge-range", L, [("1–100000", "[1")], [["REF001", P, 1, 1, NO_LIST], ["CIT004", P, 1, 7, "[1–100000]: range 1–100000 is wider than 200 entries"]], 1)
L = "мәтін [1–99999999999] мұнда"
cites("cite-absurd-range", L, [("1–99999999999", "[1")], [["REF001", P, 1, 1, NO_LIST], ["CIT004", P, 1, 7, "[1–99999999999]: range 1–99999999999 is wider than 200 entries"]], 1)
L = "мәтін [3–203] мұнда"
cites("cite-range-201-wide", L, [("3–203", "[3")], [["REF001", P, 1, 1, NO_LIST], ["CIT004", P, 1, 7, "[3–203]: range 3–203 is wider than 200 entries"]], 1)
L = "мәтін [1–200] мұнда"
cites("cite-range-200-wide", L, [(str(n), "[1") for n in range(1, 201)], [["REF001", P, 1, 1, NO_LIST]] + [["CIT001", P, 1, 7, no_entry(str(n))] for n in range(1, 201)], 1)
L = "мәтін [1,,2] мұнда"
cites("cite-double-comma", L, [], [["CIT005", P, 1, 7, "[1,,2] looks like a citation but cannot be read; kept as text"]], 0)
L = "мәтін [1,] мұнда"
cites("cite-trailing-comma", L, [], [["CIT005", P, 1, 7, "[1,] looks like a citation but cannot be read; kept as text"]], 0)
L = "мәтін [1 2] мұнда"
cites("cite-no-separator", L, [], [["CIT005", P, 1, 7, "[1 2] looks like a citation but cannot be read; kept as text"]], 0)
L = "мәтін [1.5] мұнда"
cites("cite-decimal", L, [], [["CIT005", P, 1, 7, "[1.5] looks like a citation but cannot be read; kept as text"]], 0)
L = "мәтін [1–3–5] мұнда"
cites("cite-double-range", L, [], [["CIT005", P, 1, 7, "[1–3–5] looks like a citation but cannot be read; kept as text"]], 0)
L = "мәтін [ 1 ] мұнда"
cites("cite-inner-spaces", L, [("1", "[ 1")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("1")]], 1)
L = "мәтін [[3]] мұнда"
cites("cite-double-brackets", L, [("3", "[3")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 8, no_entry("3")]], 1)
L = "мәтін [[1], [2]] мұнда"
cites("cite-nested-list", L, [("1", "[1"), ("2", "[2")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 8, no_entry("1")], ["CIT001", P, 1, 13, no_entry("2")]], 1)
L = "мәтін [12 мұнда жабылмаған"
cites("cite-unclosed", L, [], [], 0)
L = "мәтін 12] мұнда ашылмаған"
cites("cite-unopened", L, [], [], 0)
L = "мәтін [] [ ] [,] [;1] [-1] [sic] [...] [ tweak] [@] [@a b]"
cites("cite-not-citations", L, [], [], 0)
L = "мәтін [01] мұнда"
cites("cite-leading-zero", L, [("1", "[01")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("1")]], 1)
L = "мәтін [٣] мұнда"
cites("cite-arabic-indic-digit", L, [("3", "[٣")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("3")]], 1)
L = "мәтін ［1］ мұнда"
cites("cite-fullwidth-brackets", L, [], [], 0)
L = "мәтін [1][2][3] мұнда"
cites("cite-adjacent", L, [("1", "[1"), ("2", "[2"), ("3", "[3")],
      [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("1")], ["CIT001", P, 1, 10, no_entry("2")], ["CIT001", P, 1, 13, no_entry("3")]], 1)
L = "мәтін [3] және [1] мұнда"
cites("cite-out-of-order", L, [("3", "[3"), ("1", "[1")],
      [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("3")], ["CIT001", P, 1, 16, no_entry("1")],
       ["CIT003", P, 1, 16, "[1] is first cited after [3]; number sources in order of first citation"]], 1)
L = "мәтін [" + "1, " * 66 + "1] ұзын"
cites("cite-body-200-chars", L, [("1", "[1")] * 67, [["REF001", P, 1, 1, NO_LIST]] + [["CIT001", P, 1, 7, no_entry("1")]] * 67, 1)
L = "мәтін [" + "1, " * 67 + "1] тым ұзын"
cites("cite-body-over-200-chars", L, [], [], 0)
L = "мәтін [@] [@-] [@key] мұнда"
cites("cite-key-no-list", L, [("@key", "[@key")], [["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 16, no_entry("@key")]], 1)
case("cite-across-lines", {P: "мәтін [1,\n2] мұнда\n"}, ["check", "--json", P], exit=1, stderr="",
     citations=[["1", 1, 7, None], ["2", 1, 7, None]],
     diagnostics=[["CIT001", P, 1, 7, no_entry("1")], ["CIT001", P, 1, 7, no_entry("2")], ["REF001", P, 2, 1, NO_LIST]])
case("cite-locators", {P: "мәтін [12, б. 45] және [3, pp. 4–5] мұнда\n"}, ["check", "--json", P], exit=1, stderr="",
     report={"citations": [
         {"label": "12", "line": 1, "column": 7, "resolved": False, "entry": None, "locator": "б. 45"},
         {"label": "3", "line": 1, "column": 24, "resolved": False, "entry": None, "locator": "pp. 4–5"}]},
     diagnostics=[["REF001", P, 1, 1, NO_LIST], ["CIT001", P, 1, 7, no_entry("12")], ["CIT001", P, 1, 24, no_entry("3")],
                  ["CIT003", P, 1, 24, "[3] is first cited after [12]; number sources in order of first citation"]])
case("cite-resolved-by-own-list", {P: "мәтін [1] және [2].\n\nӘдебиеттер тізімі\n\n1. Бірінші кітап.\n"}, ["check", "--json", P], exit=1, stderr="",
     citations=[["1", 1, 7, "1"], ["2", 1, 16, None]], report={"entries": 1, "unresolved": ["2"]},
     diagnostics=[["CIT001", P, 1, 16, "[2]: no entry 2 in the reference list (1 entry)"]])
case("cite-text-mode", {P: "мәтін [0] және [5–1]\n"}, ["check", P], exit=1, stderr="",
     stdout=f"{P}:1:1: warning[REF001]: {NO_LIST}\n{P}:1:7: error[CIT001]: {no_entry('0')}\n{P}:1:16: error[CIT004]: [5–1]: range 5–1 is reversed\n"
            f"{P}: 2 citations, 0 resolved, 2 unresolved labels (0, 5–1), 0 entries, 2 errors, 1 warning\n")

# ---- .bib files ---------------------------------------------------------------------------------


def bib(name: str, text: bytes | str, cited: str, citations: list, diagnostics: list, exit: int, report: dict | None = None) -> None:
    """A paper citing `cited`, linked against `text` as refs.bib."""
    case(name, {P: f"мәтін {cited}.\n", B: text}, ["check", "--json", P, "--bib", B], exit=exit, stderr="",
         citations=citations, diagnostics=diagnostics, report=report or {})


def never(key: str, number: int, line: int) -> list:
    name = f"[{number}]" if key == str(number) else f"'{key}' [{number}]"
    return ["CIT002", B, line, 1, f"entry {name} is never cited"]


def missing(label: str, entries: int) -> str:
    return f"[{label}]: no entry {label} in {B} ({entries} {'entry' if entries == 1 else 'entries'})"


C7 = 7  # column of the first bracket in `мәтін [..]`
bib("bib-unclosed-brace-keeps-the-rest",
    "@book{a, title={A}}\n@book{b, title={Unclosed {brace}, year=2001\n@book{c, title={C}}\n@article{d, title = {D}}\n",
    "[1, 2, 3, 4]", [["1", 1, C7, "a"], ["2", 1, C7, None], ["3", 1, C7, "c"], ["4", 1, C7, "d"]],
    [["BIB002", B, 2, 1, "cannot parse this block: Unexpected block start: `@book`. Was still looking for field-value closing `}`; it is skipped"],
     ["CIT001", P, 1, C7, missing("2", 3)]], 1, {"entries": 3})
bib("bib-unclosed-quote-keeps-the-rest",
    '@book{a, title={A}}\n@book{q, title="quoted {with} braces", note = "unclosed {"}\n@book{c, title={C}}\n',
    "[1, 3]", [["1", 1, C7, "a"], ["3", 1, C7, "c"]],
    [["BIB002", B, 2, 1, "cannot parse this block: Unexpected block start: `@book`. Was still looking for field-value closing `\"`; it is skipped"]], 0)
bib("bib-unclosed-last-entry", "@book{a, title={A}}\n@book{b, title={B}\n", "[1, 2]", [["1", 1, C7, "a"], ["2", 1, C7, None]],
    [["BIB002", B, 2, 1, "cannot parse this block: Unexpectedly reached end of file.; it is skipped"], ["CIT001", P, 1, C7, missing("2", 1)]], 1)
bib("bib-extra-closing-braces", "@book{a, title={A}}}}\n}}} stray\n@book{b, title={B}}\n", "[1, 2]", [["1", 1, C7, "a"], ["2", 1, C7, "b"]], [], 0)
bib("bib-duplicate-keys", "@book{a, title={First}}\n@book{a, title={Second}}\n@book{c, title={C}}\n", "[@a; @c]",
    [["@a", 1, C7, "a"], ["@c", 1, C7, "c"]], [["BIB001", B, 2, 1, "duplicate key 'a'; this entry is ignored"]], 0)
bib("bib-duplicate-numbers", "@book{007, title={Seven}}\n@book{7, title={Seven again}}\n", "[7]",
    [["7", 1, C7, "007"]], [["BIB001", B, 2, 1, "entry '7' is number 7, as is entry '007'"], never("7", 7, 2)], 0)
bib("bib-duplicate-field", "@book{d, title={First}, title={Second}}\n@book{e, title={E}}\n", "[1, 2]", [["1", 1, C7, None], ["2", 1, C7, "e"]],
    [["BIB002", B, 1, 1, "cannot parse this block: field title is given twice; it is skipped"], ["CIT001", P, 1, C7, missing("1", 1)]], 1)
bib("bib-missing-title", "@book{a, author={Someone}, year=2000}\n@misc{b}\n", "[1, 2]", [["1", 1, C7, "a"], ["2", 1, C7, "b"]],
    [["BIB003", B, 1, 1, "entry 'a' has no title"], ["BIB003", B, 2, 1, "entry 'b' has no title"]], 0)
bib("bib-no-key", "@book{, title={No key}}\n@book{b, title={B}}\n", "[1, 2]", [["1", 1, C7, None], ["2", 1, C7, "b"]],
    [["BIB002", B, 1, 1, "cannot parse this block: the entry has no key; it is skipped"], ["CIT001", P, 1, C7, missing("1", 1)]], 1)
bib("bib-key-in-braces", "@book{{bad key}, title={x}}\n@book{b, title={B}}\n", "[2]", [["2", 1, C7, "b"]],
    [["BIB002", B, 1, 1, "cannot parse this block: Expected comma after entry key, but found {; it is skipped"]], 0)
bib("bib-key-with-space", "@book{bad key, title={x}}\n@book{b, title={B}}\n", "[2]", [["2", 1, C7, "b"]],
    [["BIB002", B, 1, 1, "cannot parse this block: the key 'bad key' holds white space; it is skipped"]], 0)
bib("bib-key-with-newline", "@book{a\nb, title={x}}\n@book{a\nb, title={y}}\n@book{c, title={C}}\n", "[3]", [["3", 1, C7, "c"]],
    [["BIB002", B, 1, 1, "cannot parse this block: the key 'a b' holds white space; it is skipped"],
     ["BIB001", B, 3, 1, "duplicate key 'a b'; this entry is ignored"]], 0)
bib("bib-superscript-key", "@book{², title={Superscript key}}\n@book{b, title={B}}\n", "[1, 2]", [["1", 1, C7, "²"], ["2", 1, C7, "b"]], [], 0)
bib("bib-numeric-keys", "@book{0, title={Zero}}\n@book{99999999999, title={Huge}}\n@book{3, title={Three}}\n", "[0, 3]",
    [["0", 1, C7, "0"], ["3", 1, C7, "3"]], [never("99999999999", 2, 2)], 0)
bib("bib-string-macros",
    '@string{pub = "Ғылым"}\n@String{city = {Алматы}}\n@string{both = pub # ", " # city}\n'
    "@book{a, title = {T}, publisher = pub # { баспасы}, address = both, month = jan}\n", "[1]", [["1", 1, C7, "a"]], [], 0)
bib("bib-broken-string-keeps-numbering", "@string{x = {unclosed}\n@book{a, title={A}}\n@preamble{ \"unclosed\n@book{b, title={B}}\n@comment{x\n@book{c, title={C}}\n",
    "[1, 2, 3]", [["1", 1, C7, "a"], ["2", 1, C7, "b"], ["3", 1, C7, "c"]],
    [["BIB002", B, 1, 1, "cannot parse this block: Unexpected block start: `@book`. Was still looking for closing bracket; it is skipped"],
     ["BIB002", B, 3, 1, "cannot parse this block: Unexpected block start: `@book`. Was still looking for closing bracket; it is skipped"],
     ["BIB002", B, 5, 1, "cannot parse this block: Unexpected block start: `@book`. Was still looking for closing bracket; it is skipped"]], 0)
bib("bib-crossref", "@proceedings{proc, title={Proceedings}, publisher={P}, year=1999}\n@inproceedings{child, title={Child}, crossref={proc}}\n",
    "[@child; @proc]", [["@child", 1, C7, "child"], ["@proc", 1, C7, "proc"]], [], 0)
bib("bib-crossref-missing", "@inproceedings{orphan, title={Orphan}, crossref={nope}}\n", "[1]", [["1", 1, C7, "orphan"]],
    [["BIB004", B, 1, 1, "entry 'orphan' has crossref 'nope', which is not in the file"]], 0)
bib("bib-crossref-cycle", "@book{x, title={X}, crossref={y}}\n@book{y, title={Y}, crossref={x}}\n", "[1, 2]", [["1", 1, C7, "x"], ["2", 1, C7, "y"]], [], 0)
bib("bib-comment-and-preamble",
    "@comment{ @book{fake, title={no}} }\n@preamble{ \"\\input{/etc/passwd}\" }\n@book{real, title={Real}}\n", "[1]", [["1", 1, C7, "real"]], [], 0)
bib("bib-unknown-type", "@weirdtype{w, title={Unknown type}}\n", "[1]", [["1", 1, C7, "w"]], [], 0)
bib("bib-parentheses", '@book(paren, title="Paren")\n', "[@paren]", [["@paren", 1, C7, "paren"]], [], 0)
bib("bib-empty", "", "[1]", [["1", 1, C7, None]], [["REF001", P, 1, 1, f"{B} holds no entries"], ["CIT001", P, 1, C7, no_entry("1")]], 1)
bib("bib-comments-only", "% nothing here\nJust prose, no entries.\n", "[1]", [["1", 1, C7, None]],
    [["REF001", P, 1, 1, f"{B} holds no entries"], ["CIT001", P, 1, C7, no_entry("1")]], 1)
bib("bib-cr-line-ends", "@book{a, title={A}}\r@book{b, title={B}\r@book{c, title={C}}\r", "[1, 3]", [["1", 1, C7, "a"], ["3", 1, C7, "c"]],
    [["BIB002", B, 2, 1, "cannot parse this block: Unexpected block start: `@book`. Was still looking for field-value closing `,` or `}`; it is skipped"]], 0)
bib("bib-crlf-bom", codecs.BOM_UTF8 + b"@book{a, title={A}}\r\n\r\n@book{b, title={B}}\r\n", "[1, 2]", [["1", 1, C7, "a"], ["2", 1, C7, "b"]], [], 0)
bib("bib-utf16", codecs.BOM_UTF16_LE + "@book{a, title={Қазақ}}\n".encode("utf-16-le"), "[1]", [["1", 1, C7, "a"]], [], 0)
bib("bib-cp1251", "@book{a, title={Торговля}}\n".encode("cp1251"), "[1]", [["1", 1, C7, "a"]], [["TXT002", B, 1, 1, "not UTF-8: decoded as cp1251"]], 0)
bib("bib-hostile-fields", "@book{h, title={\\input{/etc/passwd} \\write18{rm -rf /} \\catcode`\\{=12 ^^5c \\def\\x{y}}, author={\\immediate\\write\\out{x}}}\n",
    "[1]", [["1", 1, C7, "h"]], [], 0)
bib("bib-key-citation-unresolved", "@book{a, title={A}}\n", "[@b]", [["@b", 1, C7, None]],
    [["CIT001", P, 1, C7, f"[@b]: no entry with key 'b' in {B}"], never("a", 1, 1)], 1)
case("bib-ignores-own-list", {P: "мәтін [1].\n\nReferences\n\n1. Own entry.\n", B: "@book{a, title={A}}\n"}, ["check", "--json", P, "--bib", B],
     exit=0, stderr="", citations=[["1", 1, 7, "a"]], report={"entries": 1, "bibliography": B},
     diagnostics=[["REF002", P, 3, 1, f"the paper's own list of 1 entry is ignored: {B} is used"]])
case("bib-values-inspected", {P: "мәтін [1].\n", B: '@string{s = "Ғылым"}\n@book{a, title = {T} # "x" # {y}, publisher = s # { баспасы}, month = jan, note = undefinedmacro}\n'},
     ["inspect", P, "--bib", B], exit=0, stderr="",
     model={"references": [{"key": "a", "number": 1, "line": 2, "column": 1, "end_line": 2, "end_column": 1, "type": "book",
                            "fields": {"title": "Txy", "publisher": "Ғылым баспасы", "month": "1", "note": "undefinedmacro"}}]})
case("bib-nested-strings-inspected", {P: "мәтін [1].\n", B: '@string{a = "A"}\n@string{b = a # "B"}\n@string{c = b # a}\n@book{k, title = c}\n'},
     ["inspect", P, "--bib", B], exit=0, stderr="",
     model={"references": [{"key": "k", "number": 1, "line": 4, "column": 1, "end_line": 4, "end_column": 1, "type": "book", "fields": {"title": "ABA"}}]})
case("bib-crossref-inspected", {P: "мәтін [1].\n", B: "@book{x, title={X}, crossref={y}}\n@book{y, title={Y}, year={1999}, crossref={x}}\n"},
     ["inspect", P, "--bib", B], exit=0, stderr="",
     model={"references": [
         {"key": "x", "number": 1, "line": 1, "column": 1, "end_line": 1, "end_column": 1, "type": "book",
          "fields": {"title": "X", "crossref": "y", "year": "1999"}},  # biblatex: a book takes a book's fields under their own names
         {"key": "y", "number": 2, "line": 2, "column": 1, "end_line": 2, "end_column": 1, "type": "book",
          "fields": {"title": "Y", "year": "1999", "crossref": "x"}}]})

# ---- what the minimal .bib entries above lack (REF010) -------------------------------------------
# The entries above are minimal on purpose (`@book{a, title={A}}`); the entry checks report
# what each lacks for its type by BibTeX's rules (a book: year, publisher; an article: year,
# journal, pages; a paper in proceedings: year, booktitle, pages; any other type: year). Read
# off each entry above by hand: (case, key, number, line, what it lacks).
BOOK = "a book without year, publisher"
LACKS = {
    "bib-unclosed-brace-keeps-the-rest": [("a", 1, 1, BOOK), ("c", 3, 3, BOOK), ("d", 4, 4, "an article without year, journal, pages")],
    "bib-unclosed-quote-keeps-the-rest": [("a", 1, 1, BOOK), ("c", 3, 3, BOOK)],
    "bib-unclosed-last-entry": [("a", 1, 1, BOOK)],
    "bib-extra-closing-braces": [("a", 1, 1, BOOK), ("b", 2, 3, BOOK)],
    "bib-duplicate-keys": [("a", 1, 1, BOOK), ("c", 3, 3, BOOK)],
    "bib-duplicate-numbers": [("007", 7, 1, BOOK), ("7", 7, 2, BOOK)],
    "bib-duplicate-field": [("e", 2, 2, BOOK)],
    "bib-missing-title": [("a", 1, 1, "a book without publisher")],  # `@misc{b}`: a title is BIB003's, misc needs no year
    "bib-no-key": [("b", 2, 2, BOOK)],
    "bib-key-in-braces": [("b", 2, 2, BOOK)],
    "bib-key-with-space": [("b", 2, 2, BOOK)],
    "bib-key-with-newline": [("c", 3, 5, BOOK)],
    "bib-superscript-key": [("²", 1, 1, BOOK), ("b", 2, 2, BOOK)],
    "bib-numeric-keys": [("0", 0, 1, BOOK), ("99999999999", 2, 2, BOOK), ("3", 3, 3, BOOK)],
    "bib-string-macros": [("a", 1, 4, "a book without year")],
    "bib-broken-string-keeps-numbering": [("a", 1, 2, BOOK), ("b", 2, 4, BOOK), ("c", 3, 6, BOOK)],
    "bib-crossref": [("child", 2, 2, "a paper in proceedings without pages")],  # year, booktitle, publisher come from `proc`
    "bib-crossref-missing": [("orphan", 1, 1, "a paper in proceedings without year, booktitle or journal, pages")],
    "bib-crossref-cycle": [("x", 1, 1, BOOK), ("y", 2, 2, BOOK)],
    "bib-comment-and-preamble": [("real", 1, 3, BOOK)],
    "bib-unknown-type": [("w", 1, 1, "an entry without year")],
    "bib-parentheses": [("paren", 1, 1, BOOK)],
    "bib-cr-line-ends": [("a", 1, 1, BOOK), ("c", 3, 3, BOOK)],
    "bib-crlf-bom": [("a", 1, 1, BOOK), ("b", 2, 3, BOOK)],
    "bib-utf16": [("a", 1, 1, BOOK)],
    "bib-cp1251": [("a", 1, 1, BOOK)],
    "bib-hostile-fields": [("h", 1, 1, BOOK)],
    "bib-key-citation-unresolved": [("a", 1, 1, BOOK)],
    "bib-ignores-own-list": [("a", 1, 1, BOOK)],
    "ctl-in-bib-reported": [("a", 1, 1, "a book without publisher")],
}
for c in CASES:
    for key, number, line, what in LACKS.get(c.name, ()):
        name = f"[{number}]" if key == str(number) else f"'{key}' [{number}]"
        c.expect["diagnostics"].append(["REF010", B, line, 1, f"entry {name}: {what}"])
    if c.name in LACKS:
        c.expect["diagnostics"].sort(key=lambda d: (d[1], d[2], d[3], d[0]))
assert set(LACKS) <= {c.name for c in CASES}


# ---- hostile text: printed literally in every edition --------------------------------------------

HOSTILE_BODY = r"\input{/etc/passwd} \write18{touch pwned} \immediate\write\out{x} \catcode`\{=12 ^^5cinput \def\x{y} { unbalanced } } % # & $ _ ^ ~ \ {}"
HOSTILE_TEX = (r"\textbackslash{}input\{/etc/passwd\} \textbackslash{}write18\{touch pwned\} \textbackslash{}immediate\textbackslash{}write\textbackslash{}out\{x\} "
               r"\textbackslash{}catcode\textasciigrave{}\textbackslash{}\{=12 \textasciicircum{}\textasciicircum{}5cinput \textbackslash{}def\textbackslash{}x\{y\} "
               r"\{ unbalanced \} \} \% \# \& \$ \_ \textasciicircum{} \textasciitilde{} \textbackslash{} \{\}")


def tex_case(name: str, files: dict, contains: list[str], absent: list[str] | None = None, argv_extra: list[str] | None = None, exit: int = 0) -> None:
    case(name, files, ["build", P, "--out", "{out}", "--to", "latex", *(argv_extra or [])], exit=exit, stderr="",
         outputs={"files": ["paper.report.json", "paper.tex"], "paper.tex": {"contains": contains, "absent": absent or []}})


tex_case("tex-hostile-body", {P: f"мәтін {HOSTILE_BODY} [1].\n"}, [f"мәтін {HOSTILE_TEX} \\exporterunresolved{{[1]}}.\n"], ["\\input{", "\\write18{", "\\def\\x"])
for slug, word, escaped in [
    ("input", r"\input{/etc/passwd}", r"\textbackslash{}input\{/etc/passwd\}"),
    ("include", r"\include{x}", r"\textbackslash{}include\{x\}"),
    ("write18", r"\write18{rm -rf /}", r"\textbackslash{}write18\{rm -rf /\}"),
    ("immediate-write", r"\immediate\write16{x}", r"\textbackslash{}immediate\textbackslash{}write16\{x\}"),
    ("openout", r"\openout1=x.tex", r"\textbackslash{}openout1=x.tex"),
    ("catcode", r"\catcode`\%=11", r"\textbackslash{}catcode\textasciigrave{}\textbackslash{}\%=11"),
    ("caret-hex", r"^^5cinput", r"\textasciicircum{}\textasciicircum{}5cinput"),
    ("caret-control", r"^^M^^J", r"\textasciicircum{}\textasciicircum{}M\textasciicircum{}\textasciicircum{}J"),
    ("def", r"\def\foo{bar}", r"\textbackslash{}def\textbackslash{}foo\{bar\}"),
    ("end-document", r"\end{document}", r"\textbackslash{}end\{document\}"),
    ("verb", r"\verb|x|", r"\textbackslash{}verb\textbar{}x\textbar{}"),
    ("double-backslash", r"a\\b", r"a\textbackslash{}\textbackslash{}b"),
    ("open-braces", "{{{", r"\{\{\{"),
    ("close-braces", "}}}", r"\}\}\}"),
    ("percent", "%comment", r"\%comment"),
    ("hash", "#1##2", r"\#1\#\#2"),
    ("ampersand", "&tab&", r"\&tab\&"),
    ("dollar", "$math$", r"\$math\$"),
    ("underscore-caret", "a_b^c", r"a\_b\textasciicircum{}c"),
    ("tilde", "~nbsp~", r"\textasciitilde{}nbsp\textasciitilde{}"),
    ("ligatures", "a--b c---d ''quote'' ``open", r"a-{}-b c-{}-{}-d '{}'quote'{}' \textasciigrave{}\textasciigrave{}open"),
    ("angle-delimiters", "<<x>> <%y%> <#z#>", r"\textless{}\textless{}x\textgreater{}\textgreater{} \textless{}\%y\%\textgreater{} \textless{}\#z\#\textgreater{}"),
]:
    tex_case(f"tex-literal-{slug}", {P: f"мәтін {word} мұнда.\n"}, [f"мәтін {escaped} мұнда.\n"])
tex_case("tex-hostile-title-and-author", {P: "ТАҚЫРЫП \\INPUT{/ETC/PASSWD} ^^5C %\n\nЖахан Жанар\n\nмәтін осында.\n"},
         [r"\bfseries ТАҚЫРЫП \textbackslash{}INPUT\{/ETC/PASSWD\} \textasciicircum{}\textasciicircum{}5C \%\par}",
          r"%% Generated by exporter from ТАҚЫРЫП \textbackslash{}INPUT\{/ETC/PASSWD\} \textasciicircum{}\textasciicircum{}5C \%; compile with xelatex."])
tex_case("tex-hostile-bib-fields",
         {P: "мәтін [1].\n", B: "@book{1, title={\\input{/etc/passwd} \\write18{rm -rf /} ^^5c \\def\\x{y} % # & $ _ ^ ~ \\\\ \\{ \\}}, author={\\immediate\\write\\out{x}}}\n"},
         [r"\item[1.] \hypertarget{ref_1}{}\textbackslash{}immediate\textbackslash{}write\textbackslash{}out\{x\} \textbackslash{}input\{/etc/passwd\} \textbackslash{}write18\{rm -rf /\} "
          r"\textasciicircum{}\textasciicircum{}5c \textbackslash{}def\textbackslash{}x\{y\} \% \# \& \$ \_ \textasciicircum{} \textasciitilde{} \textbackslash{}\textbackslash{} \textbackslash{}\{ \textbackslash{}\}"],
         argv_extra=["--bib", B])
tex_case("tex-bib-accents-and-math", {P: "мәтін [1].\n", B: "@book{1, title={Accents {\\\"o} \\'{e} \\c{c} --- \\& $x^2$ \\url{http://x.org/~a_b}}, note={50% off}}\n"},
         [r"\hypertarget{ref_1}{}Accents ö é ç — \& \$x\textasciicircum{}2\$ \href{http://x.org/~a_b}{http://x.org/\textasciitilde{}a\_b}. – 50\% off."], argv_extra=["--bib", B])
tex_case("tex-bib-style-macros", {P: "мәтін [1].\n", B: "@book{1, title={\\textit{it} \\emph{em} \\textsc{sc} {\\bf b} \\texttt{tt} \\mbox{m} \\S 5 A & B}}\n"},
         [r"\hypertarget{ref_1}{}it em sc b tt m §5 A \& B."], argv_extra=["--bib", B])
tex_case("tex-control-characters", {P: "мәтін\x00бір\x0cекі\x1bүш\ufffeтөрт [1].\n"}, ["мәтін бір екі үш төрт \\exporterunresolved{[1]}.\n"])
tex_case("tex-template-syntax", {P: "мәтін {{ 7*7 }} {% raw %} << meta >> <% if 1 %> <# c #> [1].\n"},
         [r"мәтін \{\{ 7*7 \}\} \{\% raw \%\} \textless{}\textless{} meta \textgreater{}\textgreater{} \textless{}\% if 1 \%\textgreater{} \textless{}\# c \#\textgreater{} \exporterunresolved{[1]}."],
         ["49"])


def editions_case(name: str, files: dict, argv_extra: list[str], tex: list[str], docx: list[str], pdf: list[str], absent: list[str]) -> None:
    """All three editions: the text as it must read in each, and what none may contain."""
    case(name, files, ["build", P, "--out", "{out}", *argv_extra], exit=0, stderr="",
         outputs={"files": ["paper.docx", "paper.pdf", "paper.report.json", "paper.tex"],
                  "paper.tex": {"contains": tex, "absent": absent},
                  "paper.docx": {"contains": docx, "absent": absent},
                  "paper.pdf": {"contains": pdf, "absent": absent}})


CONTROL_ABSENT = ["\x00", "\x0c", "\x1b", "\ufffe"]
editions_case("editions-control-characters",
              {P: "мәтін\x00бір\x0cекі\x1bүш\ufffeтөрт [1].\n", B: "@book{1, title={Ат\x00ауы\x0cкітап\x1bтың\ufffeбар}}\n"}, ["--bib", B],
              tex=["мәтін бір екі үш төрт [\\hyperlink{ref_1}{1}].\n", r"\hypertarget{ref_1}{}Ат ауы кітап тың бар."],
              docx=["мәтін бір екі үш төрт [1].", "1. Ат ауы кітап тың бар."],
              pdf=["мәтін бір екі үш төрт [1].", "1. Ат ауы кітап тың бар."], absent=CONTROL_ABSENT)
editions_case("editions-markup-injection",
              {P: "мәтін <b>bold</b> &amp; <font name=\"Courier\">f</font> <a href=\"#x\">link</a> {{ 7*7 }} [1].\n",
               B: "@book{1, title={<i>Evil</i> &lt; {{ 7*7 }} <% if 1 %>}}\n"}, ["--bib", B],
              tex=[r'мәтін \textless{}b\textgreater{}bold\textless{}/b\textgreater{} \&amp; \textless{}font name="Courier"\textgreater{}f\textless{}/font\textgreater{} '
                   r'\textless{}a href="\#x"\textgreater{}link\textless{}/a\textgreater{} \{\{ 7*7 \}\} [\hyperlink{ref_1}{1}].',
                   r"\hypertarget{ref_1}{}\textless{}i\textgreater{}Evil\textless{}/i\textgreater{} \&lt; 7*7 \textless{}\% if 1 \%\textgreater{}."],
              docx=["мәтін <b>bold</b> &amp; <font name=\"Courier\">f</font> <a href=\"#x\">link</a> {{ 7*7 }} [1].", "1. <i>Evil</i> &lt; 7*7 <% if 1 %>."],
              pdf=["мәтін <b>bold</b> &amp; <font name=\"Courier\">f</font> <a href=\"#x\">link</a> {{ 7*7 }} [1].", "1. <i>Evil</i> &lt; 7*7 <% if 1 %>."],
              absent=["49"])


# ---- DOCX packages ---------------------------------------------------------------------------
D = "paper.docx"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _word(document: str | bytes | None = None, main_type: str = WORD_MAIN, extra: dict | None = None,
          package_rel: str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument") -> bytes:
    """A minimal Word package: content types, the package relationship, the main part."""
    document = document or f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>мәтін [1]</w:t></w:r></w:p></w:body></w:document>'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="htm" ContentType="application/xhtml+xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{package_rel}" Target="word/document.xml"/></Relationships>',
        "word/document.xml": document,
        **(extra or {}),
    }
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


case("docx-minimal-reads", {D: _word()}, ["check", "--json", D], exit=1, stderr="",
     citations=[["1", 1, 7, None]], diagnostics=[["REF001", D, 1, 1, NO_LIST], ["CIT001", D, 1, 7, no_entry("1")]])
refused("docx-truncated", {D: _word()[:200]}, f"{D}: is not a readable DOCX (damaged or truncated zip: File is not a zip file)", argv=["check", D])
refused("docx-macro-enabled", {D: _word(main_type="application/vnd.ms-word.document.macroEnabled.main+xml")},
        f"{D}: is a macro-enabled Word document (.docm content); refused: save it as a plain .docx", argv=["check", D])
refused("docx-external-entity", {D: _word(f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')},
        f"{D}: part word/document.xml declares a DTD or entities; refused (Word never writes them)", argv=["check", D])
refused("docx-billion-laughs", {D: _word(f'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')},
        f"{D}: part word/document.xml declares a DTD or entities; refused (Word never writes them)", argv=["check", D])
refused("docx-zip-bomb", {D: _word(extra={"word/media/zeros.bin": b"\0" * 2_000_000})},
        f"{D}: member word/media/zeros.bin unpacks to 2000000 bytes, over 200 times its packed size (refused as a zip bomb)", argv=["check", D])
refused("docx-zip-not-word", {D: _word(main_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")},
        f"{D}: is a zip but not a Word document (no WordprocessingML main part)", argv=["check", D])
refused("docx-no-content-types", {D: _docx().replace(b"[Content_Types].xml", b"[Content_Types].xmX")},
        f"{D}: is a zip but not a DOCX (no [Content_Types].xml)", argv=["check", D])
refused("docx-empty", {D: b""}, f"{D}: is empty", argv=["check", D])
refused("docx-annotate-takes-docx-only", {P: "мәтін [1]\n"}, f"{P}: annotate takes a Word .docx file (the author's own manuscript)", argv=["annotate", P, "--out", "{out}/x.docx"])
refused("docx-annotate-never-overwrites-input", {D: _word()}, f"{D}: would overwrite an input; choose another --out", argv=["annotate", D, "--out", D])

refused("docx-named-but-not-a-zip", {D: "мәтін [1]\n"}, f"{D}: is named .docx but is not a DOCX (Word) file (its first bytes say otherwise)", argv=["check", D])


# Bounds: counters, levels and nesting clamped to what a paper can hold; damaged members refused.
def _rels(kind: str, target: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/></Relationships>')


def _numbered(start: str, ilvl: str, fmt: str = "upperRoman") -> bytes:
    """A paragraph citing [1], then one list paragraph numbered by `numbering.xml` (level `ilvl`, first value `start`)."""
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{int(ilvl) + 1 if int(ilvl) < 9 else 1}."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    document = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>мәтін [1]</w:t></w:r></w:p>'
                f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>бір</w:t></w:r></w:p></w:body></w:document>')
    return _word(document, extra={"word/_rels/document.xml.rels": _rels("numbering", "numbering.xml"), "word/numbering.xml": numbering})


def _inspect_blocks(*blocks: dict) -> dict:
    return {"blocks": list(blocks)}


PARA1 = {"type": "paragraph", "line": 1, "column": 1, "end_line": 1, "end_column": 10, "paragraph": 1, "text": "мәтін [1]"}
# Word's own limit for a list's first value is 32767: a larger start is damage, read as 32767 (MMM…DCCLXVII).
case("docx-roman-list-from-a-trillion", {D: _numbered("999999999999", "0")}, ["inspect", D], exit=0, stderr="",
     model=_inspect_blocks(PARA1, {"type": "list", "line": 2, "column": 1, "end_line": 2, "end_column": 4, "paragraph": 2,
                                   "items": [{"line": 2, "column": 1, "end_line": 2, "end_column": 4, "paragraph": 2, "label": "M" * 32 + "DCCLXVII.", "text": "бір"}]}))


def _typed_under_word(texts: list[str]) -> bytes:
    """A paragraph citing [1] and [2], the list's heading, then `texts` as paragraphs Word's list numbers `%1.`."""
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    items = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in texts)
    document = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>мәтін [1], [2]</w:t></w:r></w:p>'
                f'<w:p><w:r><w:t>Әдебиеттер тізімі</w:t></w:r></w:p>{items}</w:body></w:document>')
    return _word(document, extra={"word/_rels/document.xml.rels": _rels("numbering", "numbering.xml"), "word/numbering.xml": numbering})


# Word's list numbers the entries and the author typed the numbers too: the page shows `1. 1. Әбілов…`.
# The entries are read without the typed number, and one DOC002 says so for the run.
case("docx-list-numbered-twice", {D: _typed_under_word(["1. Әбілов А. Қазақ тарихы. – Алматы : Ғылым, 2010. – 200 б.",
                                                         "2. Сейітов А. Хандық. – Алматы : Ғылым, 2012. – 150 б."])},
     ["check", "--json", D], exit=0, stderr="", citations=[["1", 1, 7, "1"], ["2", 1, 12, "2"]],
     diagnostics=[["DOC002", D, 3, 1, "2 list paragraphs in a row show two numbers each: Word's list numbers them (1. …) and the same numbers"
                                       " are typed before their text; delete the typed numbers"]])
# Word has list levels 0–8; a paragraph at level 300,000,000 is not numbered.
case("docx-list-level-300-million", {D: _numbered("1", "300000000")}, ["inspect", D], exit=0, stderr="",
     model=_inspect_blocks(PARA1, {"type": "paragraph", "line": 2, "column": 1, "end_line": 2, "end_column": 4, "paragraph": 2, "text": "бір"}))


def _damaged(kind: str) -> bytes:
    """The minimal package with a picture whose checksum in the zip directory is wrong (`crc`), or
    flagged as encrypted (general-purpose bit 0, local and central headers)."""
    data = bytearray(_word(extra={"word/media/image1.png": PNG}))
    name = b"word/media/image1.png"
    at = bytes(data).find(b"PK\x01\x02")
    while at >= 0:  # the central directory's entries
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if bytes(data[at + 46:at + 46 + name_len]) == name:
            if kind == "crc":
                data[at + 16] ^= 0xFF  # the directory's CRC-32 no longer fits the bytes
            else:
                data[at + 8] |= 0x01
                local = int.from_bytes(data[at + 42:at + 46], "little")
                data[local + 6] |= 0x01
        at = bytes(data).find(b"PK\x01\x02", at + 4)
    return bytes(data)


refused("docx-member-bad-crc", {D: _damaged("crc")}, f"{D}: is not a readable DOCX (damaged zip member word/media/image1.png: its bytes fail their checksum)", argv=["check", D])
refused("docx-member-encrypted", {D: _damaged("encrypted")}, f"{D}: member word/media/image1.png is encrypted; refused (save the document without a password)", argv=["check", D])
refused("docx-strict-ooxml", {D: _word(package_rel="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")},
        f"{D}: is a Strict Open XML document, which is not read; save it in Word as a Word Document (.docx)", argv=["check", D])
refused("docx-utf16-document-with-dtd", {D: _word(f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x; [1]</w:t></w:r></w:p></w:body></w:document>'.encode("utf-16"))},
        f"{D}: part word/document.xml declares a DTD or entities; refused (Word never writes them)", argv=["check", D])
DEEP_CSL = "ADDIN ZOTERO_ITEM CSL_CITATION " + '{"citationItems":' + "[" * 5000 + "]" * 5000 + "}"
case("docx-zotero-field-nested-5000-deep", {D: _word(
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t xml:space="preserve">мәтін </w:t></w:r>'
    f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{DEEP_CSL}</w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[1]</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:document>')},
    ["check", "--json", D], exit=1, stderr="", citations=[["1", 1, 7, None]],
    diagnostics=[["REF001", D, 1, 1, NO_LIST], ["CIT001", D, 1, 7, no_entry("1")],
                 ["DOC001", D, 1, 1, "a citation field's data is nested too deep to read; the citation's text still is"]])
case("docx-altchunk-html-part", {D: _word(
    f'<w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>мәтін [1]</w:t></w:r></w:p>'
    '<w:altChunk r:id="rId2"/></w:body></w:document>', extra={"word/_rels/document.xml.rels": _rels("aFChunk", "afchunk.htm"), "word/afchunk.htm": "<html><body><p>басқа мәтін [2]</p></body></html>"})},
    ["check", "--json", D], exit=1, stderr="", citations=[["1", 1, 7, None]],
    diagnostics=[["REF001", D, 1, 1, NO_LIST], ["CIT001", D, 1, 7, no_entry("1")],
                 ["DOC001", D, 1, 1, "an embedded HTML or RTF part (altChunk word/afchunk.htm) is not read: its text and citations are left out; paste it into the document as text"]])
# ---- bad pictures in a Word paper (the writers' side) ---------------------------------------------
# Each paper holds one picture no edition can draw, as Word stores it (an inline drawing and its
# media part). The build goes on and every edition is written: a reader that passes the bytes
# through brings the writers a MED001 picture (shown as a framed note); a reader that leaves the
# picture out changes nothing here. The same bytes are checked on the writers directly in
# tests/test_writer_media.py.

PICTURE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _picture_docx(member: str, data: bytes) -> bytes:
    drawing = (
        '<w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Picture 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdPic"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
    )
    namespaces = (
        f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {namespaces}><w:body>'
        '<w:p><w:r><w:t>мәтін алдында</w:t></w:r></w:p>'
        f'<w:p><w:r>{drawing}</w:r></w:p><w:p><w:r><w:t>Сурет 1 – Сызба</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>мәтін соңында</w:t></w:r></w:p></w:body></w:document>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdPic" Type="{PICTURE_RELS}" Target="media/{member}"/></Relationships>'
    )
    return _word(document, extra={"word/_rels/document.xml.rels": rels, f"word/media/{member}": data})


def _with_type(package: bytes, extension: str, content_type: str) -> bytes:
    """The package with a Default content type for the picture's extension."""
    source = zipfile.ZipFile(BytesIO(package))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"<Default Extension=\"xml\"", f'<Default Extension="{extension}" ContentType="{content_type}"/><Default Extension="xml"'.encode())
            z.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _tiny_png(width: int = 16, height: int = 16) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes((x * 16) % 256 for x in range(width * 3)) for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# A baseline JPEG header (SOI, JFIF, SOF0) that declares 30000 × 30000 pixels, and nothing after it.
HUGE_JPEG = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
             b"\xff\xc0\x00\x11\x08\x75\x30\x75\x30\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9")
EVIL_SVG = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">&x;</text></svg>'
# A placeable WMF header whose one record claims 2^31 words: libwmf gives up (or crashes) on it.
BAD_WMF = b"\xd7\xcd\xc6\x9a" + b"\x00" * 18 + b"\x01\x00\x09\x00\x00\x03" + b"\xff" * 12 + b"\xff\xff\xff\x7f\x41\x0b" + b"\x00" * 16

for case_name, member, data, content_type in (
    ("media-truncated-png", "image1.png", _tiny_png()[:60], "image/png"),
    ("media-huge-jpeg-header", "image1.jpeg", HUGE_JPEG, "image/jpeg"),
    ("media-svg-external-entity", "image1.svg", EVIL_SVG, "image/svg+xml"),
    ("media-wmf-breaks-converter", "image1.wmf", BAD_WMF, "image/x-wmf"),
):
    case(case_name, {D: _with_type(_picture_docx(member, data), member.rsplit(".", 1)[1], content_type)}, ["build", D, "--out", "{out}"], exit=0, stderr="",
         outputs={"files": ["paper.docx", "paper.pdf", "paper.report.json", "paper.tex"],
                  "paper.tex": {"contains": ["мәтін алдында", "мәтін соңында"], "absent": ["root:"]},
                  "paper.docx": {"contains": ["мәтін алдында", "мәтін соңында"], "absent": ["root:"]},
                  "paper.pdf": {"contains": ["мәтін алдында", "мәтін соңында"], "absent": ["root:"]}})

# ---- Markdown sources ----------------------------------------------------------------------------

M = "paper.md"
refused("md-empty", {M: ""}, f"{M}: is empty", ["check", "--json", M])
refused("md-front-matter-not-a-mapping", {M: "---\n- a\n- b\n---\ntext [1]\n"},
        f"{M}:2: front matter must be a YAML mapping (title: …, author: …)", ["check", "--json", M])
refused("md-whitespace-only", {M: " \n\t\n"}, f"{M}: contains no text (only whitespace)", ["check", "--json", M])
# A YAML tag that would run code elsewhere is only text here: and a list is not a title.
refused("md-front-matter-python-tag", {M: '---\ntitle: !!python/object/apply:os.system ["echo hi"]\n---\ntext\n'},
        f"{M}:2: front matter: 'title' must be text, not a list", ["check", "--json", M])
refused("md-front-matter-unclosed", {M: "---\ntitle: [unclosed\n---\n\nText.\n"},
        f"{M}:2: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'", ["check", "--json", M])
refused("md-binary", {M: b"abc\x00\x01\x02" * 100}, f"{M}: is binary data, not text", ["check", "--json", M])
refused("md-named-but-pdf", {M: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"}, f"{M}: is named .md but its bytes are a PDF; rename it to the right extension", ["check", "--json", M])
# markdown-it drops what lies deeper than its nesting limit: refused, never silently lost.
refused("md-nested-quotes-beyond-limit", {M: ">" * 5000 + " deep [1]\n"},
        f"{M}:1: nests block quotes or lists about 5000 levels deep; at most 89 are read", ["check", "--json", M])
MD_OK = "---\ntitle: T\n---\n\nSee [1] and `code[2]` and $[0, 1]$.\n\n# References\n\n1. A.\n"
case("md-code-and-math-are-not-citations", {M: MD_OK}, ["check", "--json", M], exit=0, stderr="",
     report={"encoding": "utf-8", "unresolved": [], "entries": 1, "bibliography": None},
     citations=[["1", 5, col("See [1] and", "[1]"), "1"]], diagnostics=[])
case("md-crlf-positions", {M: MD_OK.replace("\n", "\r\n")}, ["check", "--json", M], exit=0, stderr="",
     report={"encoding": "utf-8", "unresolved": [], "entries": 1, "bibliography": None},
     citations=[["1", 5, col("See [1] and", "[1]"), "1"]], diagnostics=[])
# Raw HTML is read for what it shows, never passed through: a script shows nothing (one space
# stays where it stood), and a name that is no element (`<T>`) is text.
HTML = "A <script>alert(1)</script> claim [1] of <T>."
case("md-raw-html-script-shows-nothing", {M: HTML + "\n"}, ["inspect", M], exit=0, stderr="",
     model={"blocks": [{"type": "paragraph", "line": 1, "column": 1, "end_line": 1, "end_column": len(HTML) + 1, "text": "A claim [1] of <T>."}]})

# Escapes and entities hid every citation of their paragraph (issue 17, item 1).
ESCAPED = "Costs rose by 5\\% in 2020 [1, 9].\n\n# References\n\n1. One.\n2. Two.\n"
for name, text in (("md-escape-hides-no-citation", ESCAPED), ("md-entity-hides-no-citation", ESCAPED.replace("5\\%", "Tom &amp; Jerry"))):
    first = text.split("\n")[0]
    case(name, {M: text}, ["check", "--json", M], exit=1, stderr="",
         citations=[["1", 1, col(first, "[1, 9]"), "1"], ["9", 1, col(first, "[1, 9]"), None]],
         diagnostics=[["CIT001", M, 1, col(first, "[1, 9]"), "[9]: no entry 9 in the reference list (2 entries)"],
                      ["CIT002", M, 6, 1, "entry [2] is never cited"]])
ROW = "| x \\| y [1] | z \\| [2] |"
case("md-table-escaped-pipe-columns", {M: "| a | b |\n|---|---|\n" + ROW + "\n\n# References\n\n1. One.\n2. Two.\n"}, ["check", "--json", M],
     exit=0, stderr="", citations=[["1", 3, col(ROW, "[1]"), "1"], ["2", 3, col(ROW, "[2]"), "2"]], diagnostics=[])


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tiny_png(width: int = 4, height: int = 2) -> bytes:
    """A real PNG, written byte by byte (so the corpus never depends on an image library)."""
    raw = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(raw, 9)) + _png_chunk(b"IEND", b"")


def jpeg_header(width: int, height: int) -> bytes:
    """A JPEG that is only its header: start, JFIF, the frame's size, end."""
    frame = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x11\x00\x02\x11\x01\x03\x11\x01"
    jfif = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8\xff\xe0" + struct.pack(">H", len(jfif) + 2) + jfif + b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame + b"\xff\xd9"


def md_refused(name: str, files: dict, message: str) -> None:
    refused(name, files, message, ["check", "--json", M])


FIG = "Text.\n\n![A figure](%s)\n"
IMG_AT = f"{M}:3:1"
md_refused("md-picture-missing", {M: FIG % "fig.png"}, f"{IMG_AT}: picture 'fig.png' does not exist (looked next to the paper)")
case("md-picture-outside-folder", {"paper/" + M: FIG % "../secret.png", "secret.png": tiny_png()}, ["check", "--json", "paper/" + M],
     exit=2, stdout="", stderr=f"exporter: error: paper/{IMG_AT}: picture '../secret.png' lies outside the paper's folder; only pictures in that folder (or below it) are read\n")
md_refused("md-picture-absolute-path", {M: FIG % "/etc/hostname"}, f"{IMG_AT}: picture '/etc/hostname' is an absolute path; name pictures relative to the paper's folder")
md_refused("md-picture-is-text", {M: FIG % "fig.png", "fig.png": "not a picture\n"}, f"{IMG_AT}: picture 'fig.png' is not a picture: it is text")
md_refused("md-picture-truncated-png", {M: FIG % "fig.png", "fig.png": tiny_png(40, 40)[:-30]}, f"{IMG_AT}: picture 'fig.png' is a damaged or truncated PNG picture")
md_refused("md-picture-jpeg-30000-header", {M: FIG % "big.jpg", "big.jpg": jpeg_header(30000, 30000)},
        f"{IMG_AT}: picture 'big.jpg' declares far more than 40 megapixels; pictures of at most 40 megapixels are read")
md_refused("md-picture-svg-external-entity", {M: FIG % "x.svg", "x.svg": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                           '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>\n'},
        f"{IMG_AT}: picture 'x.svg' is an SVG that declares a DTD or entities; refused (they can read local files)")
case("md-picture-remote-not-fetched", {M: FIG % "https://example.org/fig.png"}, ["check", "--json", M], exit=0, stderr="",
     diagnostics=[["IMG001", M, 3, 1, "picture 'https://example.org/fig.png' is at a remote address and is not fetched (exporter works offline): save it next to the paper and name its file"]])
FIGURE_LINE = "![Рисунок 1 – Схема](fig.png){#fig:scheme}"
case("md-picture-becomes-a-figure", {M: f"Text.\n\n{FIGURE_LINE}\n", "fig.png": tiny_png(96, 48)}, ["inspect", M], exit=0, stderr="",
     model={"blocks": [{"type": "paragraph", "line": 1, "column": 1, "end_line": 1, "end_column": 6, "text": "Text."},
                       {"type": "figure", "kind": "figure", "line": 3, "column": 1, "end_line": 3, "end_column": len(FIGURE_LINE) + 1, "caption": "Схема", "number": "1",
                        "label": "fig:scheme", "images": [{"name": "fig.png", "media_type": "image/png", "width": 72.0, "height": 36.0, "bytes": len(tiny_png(96, 48)), "alt": "Рисунок 1 – Схема"}]}]})
md_refused("md-front-matter-nested-20000", {M: "---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\n\nText.\n"},
        f"{M}:2: front matter nests lists or mappings too deeply to read")
md_refused("md-table-too-wide", {M: "Text.\n\n|" + "a|" * 201 + "\n|" + "-|" * 201 + "\n|" + "b|" * 201 + "\n"},
        f"{M}:3: has a table 201 columns wide; tables of at most 200 columns are read")


# ---- CSL styles and venue folders (issue 17's sweep: exit 3, hangs, a venue running code) -------
# A style or a venue folder a user is handed is data: what is wrong with it is one line naming the
# file (and line) with exit 2; nothing runs, nothing is opened that would block.

CSL_BIB = "@book{1, title={A Book}, author={Knuth, Donald E.}, year={1984}, publisher={Addison-Wesley}}\n"
CSL_HEAD = ('<?xml version="1.0" encoding="{encoding}"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"{extra}>\n'
            '  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>\n')


def csl(macros: str = "", layout: str = '<text variable="title"/>', encoding: str = "utf-8", extra: str = "") -> str:
    """A small CSL style: line 3 is <info>, then the macros (one a line), <citation>, <bibliography>."""
    return (CSL_HEAD.replace("{encoding}", encoding).replace("{extra}", extra) + macros
            + '  <citation><layout><text variable="citation-number"/></layout></citation>\n'
            + f"  <bibliography><layout>{layout}</layout></bibliography>\n</style>\n")


def csl_case(name: str, style_name: str, style: str | bytes | None, message: str | None, stdout: str = "") -> None:
    files = {P: "Text [1].\n", B: CSL_BIB, **({style_name: style} if style is not None else {f"{style_name}/.keep": b""})}
    argv = ["bib", P, "--bib", B, "--to", "text", "--style", style_name]
    if message is None:
        case(name, files, argv, exit=0, stdout=stdout, stderr="")
    else:
        refused(name, files, message, argv)


# Each case names its style differently: a process caches a style by its path.
csl_case("csl-macro-calls-itself", "self-calling.csl", csl('  <macro name="m"><group><text macro="m"/></group></macro>\n', '<text macro="m"/>'),
         "self-calling.csl:4: macro 'm' calls itself (m → m); citeproc-py would recurse without end")
csl_case("csl-macros-call-each-other", "mutual.csl", csl('  <macro name="a"><text macro="b"/></macro>\n  <macro name="b"><text macro="a"/></macro>\n', '<text macro="a"/>'),
         "mutual.csl:4: macro 'a' calls itself (a → b → a); citeproc-py would recurse without end")
csl_case("csl-missing-macro", "missing-macro.csl", csl(layout='<text macro="nowhere"/>'), "missing-macro.csl:5: calls macro 'nowhere', which the style does not define")
csl_case("csl-unknown-element", "unknown-element.csl", csl('  <macro name="m"><blink/><text variable="title"/></macro>\n', '<text macro="m"/>'),
         "unknown-element.csl:4: unknown element <blink> in macro 'm'; a CSL style cannot hold it there")
csl_case("csl-xinclude", "xinclude.csl", csl('  <xi:include href="/etc/passwd" parse="text"/>\n', extra=' xmlns:xi="http://www.w3.org/2001/XInclude"'),
         "xinclude.csl:4: uses XInclude (<xi:include>); refused: a CSL style is one file")
csl_case("csl-is-a-folder", "folder.csl", None, "folder.csl: is a folder, not a CSL style file")
csl_case("csl-utf16-is-read", "utf16.csl", csl(encoding="UTF-16").encode("utf-16"), None, stdout="1. A book\n")  # sentence case: the style is English

VENUE_TOML = 'description = "a venue handed around"\n\n[bibliography]\nstyle = "plain"\n'
VENUE_MACROS = "{%- macro plain(e, lang) -%}\n{{ e.fields.title }}.\n{%- endmacro -%}\n"
PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}"


def venue_case(name: str, folder: str, files: dict, message: str) -> None:
    """A build with the venue in `folder` (each case its own name: a process keeps a venue by its folder)."""
    base = {P: "Text [1].\n", B: CSL_BIB, f"{folder}/template.toml": VENUE_TOML, f"{folder}/bibliography.j2": VENUE_MACROS}
    refused(name, {**base, **{f"{folder}/{k}": v for k, v in files.items()}}, message,
            ["build", P, "--bib", B, "--template", folder, "--out", "{out}", "--to", "latex"])


venue_case("venue-runs-no-shell-command", "handed-venue", {"bibliography.j2": VENUE_MACROS.replace("{{ e.fields.title }}", PAYLOAD)},
           "handed-venue/bibliography.j2:2: template refused: access to attribute '__init__' of 'type' object is unsafe "
           "(a venue template is data: it may not reach Python's internals or run code)")
venue_case("venue-macro-wrong-arity", "arity-venue", {"bibliography.j2": VENUE_MACROS.replace("plain(e, lang)", "plain(e)")},
           "arity-venue/bibliography.j2:1: macro 'plain' takes 1 argument(s); an entry macro takes two: the entry and the paper's language")
GARBAGE_FONT = bytes((i * 131 + 17) % 256 for i in range(5000))
venue_case("venue-garbage-font", "font-venue", {"template.toml": VENUE_TOML + '\n[fonts]\nmain = { regular = "garbage.ttf" }\n', "fonts/garbage.ttf": GARBAGE_FONT},
           "font-venue/fonts/garbage.ttf: is not a TrueType font that can be read (TTLibError: Not a TrueType or OpenType font (bad sfntVersion))")


# ---- what is not a regular file; output places; Word packages a copy cannot be made of ----------
# (issue 17's sweep: each of these blocked forever, replaced a device, crashed with exit 3, or
# wrote a package LibreOffice could not open.)

FIFO = "is a named pipe (FIFO), not a file; save what it carries to a file first"
NOT_REPLACED = "is a device, pipe or socket, not a regular file; refused to replace it"
refused("special-fifo-source", {}, f"{P}: {FIFO}", special={P: "fifo"})
refused("special-fifo-bib", {P: RU}, f"{B}: {FIFO}", argv=["check", P, "--bib", B], special={B: "fifo"})
refused("special-fifo-build-source", {}, f"{P}: {FIFO}", argv=["build", P, "--out", "{out}", "--to", "latex"], special={P: "fifo"})
refused("special-fifo-annotate-bib", {D: _word()}, f"{B}: {FIFO}", argv=["annotate", D, "--bib", B, "--out", "{out}/x.docx"], special={B: "fifo"})
refused("special-device-source", {}, f"{P}: is a device or socket, not a file", special={P: "null-device"})
refused("special-fifo-named-by-markdown", {"paper.md": "---\nbibliography: refs.bib\n---\n\nText [1].\n"}, f"{B}: {FIFO}",
        argv=["check", "--json", "paper.md"], special={B: "fifo"})
refused("special-annotate-out-device", {D: _word()}, f"null.docx: {NOT_REPLACED}", argv=["annotate", D, "--out", "null.docx"], special={"null.docx": "null-device"})
refused("special-build-edition-is-a-fifo", {P: RU}, f"paper.tex: {NOT_REPLACED}", argv=["build", P, "--out", ".", "--to", "latex"], special={"paper.tex": "fifo"})
FIX_PAPER = "Мәтін [2] және [1].\n\nӘдебиеттер тізімі\n\n1. Әлиев А. Кітап. Алматы, 2000.\n2. Бекова Б. Мақала. Астана, 2001.\n"
refused("special-fix-copy-is-a-device", {P: FIX_PAPER, "fixed/.keep": b""}, f"fixed/{P}: {NOT_REPLACED}",
        argv=["fix", P, "--renumber", "--out", "fixed"], special={f"fixed/{P}": "null-device"})
# An output folder under a file: one line naming the folder (it said "File exists").
refused("out-annotate-under-a-file", {D: _word(), "dist": b"a file\n"}, "dist: is not a folder", argv=["annotate", D, "--out", "dist/x.docx"])
refused("out-fix-is-a-file", {P: FIX_PAPER, "dist": b"a file\n"}, "dist: is not a folder", argv=["fix", P, "--renumber", "--out", "dist"])
refused("out-fix-under-a-file", {P: FIX_PAPER, "dist": b"a file\n"}, "dist/sub: cannot be created: Not a directory", argv=["fix", P, "--renumber", "--out", "dist/sub"])

DOC_RELS = "word/_rels/document.xml.rels"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _rels(*relationships: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(relationships) + "</Relationships>")


def _comments(comment_id: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W_NS}"><w:comment w:id="{comment_id}" w:author="A">'
            "<w:p><w:r><w:t>an author's own comment</w:t></w:r></w:p></w:comment></w:comments>")


def _stored_with_method(data: bytes, name: str, method: int) -> bytes:
    """The zip with member `name` marked as compressed by `method` (its bytes left stored), in
    its local header and in the central directory."""
    out = bytearray(data)
    encoded = name.encode()
    local = out.index(b"PK\x03\x04")
    while out[local + 30 : local + 30 + len(encoded)] != encoded:
        local = out.index(b"PK\x03\x04", local + 4)
    struct.pack_into("<H", out, local + 8, method)
    central = out.index(b"PK\x01\x02")
    while out[central + 46 : central + 46 + len(encoded)] != encoded:
        central = out.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<H", out, central + 10, method)
    return bytes(out)


def _with_duplicate(data: bytes, name: str, content: bytes) -> bytes:
    """The zip with a second member called `name` appended."""
    out = BytesIO(data)
    with warnings.catch_warnings(), zipfile.ZipFile(out, "a") as z:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate we make on purpose
        z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content)
    return out.getvalue()


ANNOTATE = ["annotate", D, "--out", "{out}/x.docx"]
refused("annotate-external-comments-relationship",
        {D: _word(extra={DOC_RELS: _rels(f'<Relationship Id="rId9" Type="{COMMENTS_REL}" Target="http://example.com/comments.xml" TargetMode="External"/>')})},
        f"{D}: {DOC_RELS}: its comments relationship points outside the package (TargetMode External); refused", argv=ANNOTATE)
refused("annotate-two-comments-relationships",
        {D: _word(extra={DOC_RELS: _rels(*(f'<Relationship Id="rId{i}" Type="{COMMENTS_REL}" Target="comments{i}.xml"/>' for i in (1, 2))),
                         "word/comments1.xml": _comments("0"), "word/comments2.xml": _comments("0")})},
        f"{D}: {DOC_RELS}: holds 2 comments relationships; refused (Word writes one)", argv=ANNOTATE)
COMMENTS_LINKED = _rels(f'<Relationship Id="rId1" Type="{COMMENTS_REL}" Target="comments.xml"/>')
refused("annotate-comment-id-superscript-two", {D: _word(extra={DOC_RELS: COMMENTS_LINKED, "word/comments.xml": _comments("\u00b2")})},
        f"{D}: word/comments.xml: comment id '\u00b2' is not a number Word writes; refused", argv=ANNOTATE)
refused("annotate-comment-id-5000-digits", {D: _word(extra={DOC_RELS: COMMENTS_LINKED, "word/comments.xml": _comments("7" * 5000)})},
        f"{D}: word/comments.xml: comment id '{'7' * 20}…' is not a number Word writes; refused", argv=ANNOTATE)
ANCHORED = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body><w:p>'
            '<w:commentRangeStart w:id="x1"/><w:r><w:t>мәтін [1]</w:t></w:r><w:commentRangeEnd w:id="x1"/></w:p></w:body></w:document>')
refused("annotate-comment-anchor-id-word", {D: _word(ANCHORED)}, f"{D}: word/document.xml: comment id 'x1' is not a number Word writes; refused", argv=ANNOTATE)
refused("annotate-member-unknown-compression",
        {D: _stored_with_method(_word(extra={"word/media/image1.png": PNG}), "word/media/image1.png", 99)},
        f"{D}: is not a readable DOCX (zip member word/media/image1.png uses a compression method Word never writes)", argv=ANNOTATE)  # the reader checks every member first
refused("annotate-duplicate-member-name", {D: _with_duplicate(_word(extra={"word/media/image1.png": PNG}), "word/media/image1.png", PNG)},
        f"{D}: holds two zip members named word/media/image1.png; refused (a Word file never does)", argv=ANNOTATE)

# A CSL-JSON integer past Python's 4,300-digit limit: that record is skipped (BIB002), never exit 3.
CSL_LONG = ('[{"id": "a", "type": "book", "title": "T", "volume": ' + "9" * 5000 + '},\n'
            ' {"id": "b", "type": "book", "title": "Uly", "publisher": "Nauka", "issued": {"date-parts": [[2000]]}}]\n')
case("csljson-number-of-5000-digits", {P: "мәтін [2].\n", "refs.json": CSL_LONG}, ["check", "--json", P, "--bib", "refs.json"], exit=0, stderr="",
     citations=[["2", 1, 7, "b"]], report={"unresolved": [], "entries": 1, "bibliography": "refs.json"},
     diagnostics=[["BIB002", "refs.json", 1, 2, "cannot read this record: it holds a number of 5000 digits, which no CSL variable holds; it is skipped"]])


# ---- writing the corpus --------------------------------------------------------------------------


def case_json(c: Case) -> str:
    spec = {"argv": c.argv, "expect": c.expect, **({"special": c.special} if c.special else {})}
    return json.dumps(spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(root: Path = CORPUS) -> None:
    if root.exists():
        shutil.rmtree(root)
    for c in CASES:
        folder = root / c.name
        folder.mkdir(parents=True)
        for rel, data in c.files.items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (folder / "case.json").write_text(case_json(c), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print(f"wrote {len(CASES)} cases to {CORPUS}")
