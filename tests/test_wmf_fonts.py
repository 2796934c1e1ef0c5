"""The font of each text record of a metafile (exporter/media/wmf_fonts.py): MathType's
"MT Extra", which wmf2svg renames Times, read by its own encoding — the dot of a derivative ẋ
was printed as `&` (found on ru_dimitrov_balancing_robot's equation pictures)."""

from __future__ import annotations

import re
import shutil
import struct

import pytest

from exporter.media.wmf_fonts import decode_mt_extra, text_record_faces


def record(function: int, params: bytes) -> bytes:
    if len(params) % 2:
        params += b"\0"
    return struct.pack("<IH", 3 + len(params) // 2, function) + params


def font(face: str, height: int = -200, charset: int | None = None) -> bytes:
    charset = (2 if face == "Symbol" else 0) if charset is None else charset
    logfont = struct.pack("<5h8B", height, 0, 0, 0, 400, 0, 0, 0, charset, 0, 0, 0, 0)
    return record(0x02FB, logfont + face.encode("latin-1").ljust(32, b"\0"))


def ext_text(x: int, y: int, text: bytes) -> bytes:
    return record(0x0A32, struct.pack("<hhhH", y, x, len(text), 0) + text)


def text_out(x: int, y: int, text: bytes) -> bytes:
    padded = text + (b"\0" if len(text) % 2 else b"")
    return record(0x0521, struct.pack("<h", len(text)) + padded + struct.pack("<hh", y, x))


def metafile() -> bytes:
    body = b"".join([
        record(0x020B, struct.pack("<hh", 0, 0)),  # SETWINDOWORG
        record(0x020C, struct.pack("<hh", 400, 1200)),  # SETWINDOWEXT
        font("Times New Roman"), record(0x012D, struct.pack("<H", 0)), ext_text(100, 250, b"x"),
        font("MT Extra"), record(0x012D, struct.pack("<H", 1)), ext_text(130, 120, b"&"),
        record(0x012D, struct.pack("<H", 0)), record(0x01F0, struct.pack("<H", 1)),  # MT Extra deleted: slot 1 free
        font("Symbol"), record(0x012D, struct.pack("<H", 1)), text_out(300, 250, b"j"),  # Symbol takes slot 1
        record(0x0000, b""),
    ])
    words = (18 + len(body)) // 2
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, words, 2, 30, 0)
    return header + body


def test_each_text_record_gets_the_face_selected_then():
    # (face, character set: 0 ANSI, 2 SYMBOL, characters)
    assert text_record_faces(metafile()) == [("Times New Roman", 0, 1), ("MT Extra", 0, 1), ("Symbol", 2, 1)]


def test_a_metafile_that_ends_early_is_not_walked():
    assert text_record_faces(metafile()[:-20]) is None
    assert text_record_faces(b"not a metafile") is None


def test_mt_extra_codes_read_as_math_characters():
    # MathType's MT Extra encoding: 0x26 dot above, 0x4B ellipsis, 0x68 ℏ, 0xA1 ℝ; a brace piece has no Unicode form
    assert decode_mt_extra(b"&Kh\xa1") == "\u02d9\u2026\u210f\u211d"
    assert decode_mt_extra(b"1") == "\ufffd"


@pytest.mark.skipif(not shutil.which("wmf2svg"), reason="libwmf-bin not installed")
def test_the_svg_of_a_metafile_reads_mt_extra_and_symbol_by_their_encodings():
    from exporter.media.convert import wmf_to_svg

    svg = wmf_to_svg(metafile()).decode("utf-8")
    assert re.findall(r">\s*([^<]*?)\s*</text>", svg) == ["x", "\u02d9", "\u03d5"]  # x, its dot, ϕ (Adobe Symbol j: phi1)


def _metafile_of(texts: list[tuple[bytes, bytes]], placeable: bytes = b"") -> bytes:
    """A metafile drawing each (font record, text) in turn."""
    body = [record(0x020B, struct.pack("<hh", 0, 0)), record(0x020C, struct.pack("<hh", 400, 1200))]
    for n, (made, text) in enumerate(texts):
        body += [made, record(0x012D, struct.pack("<H", n)), ext_text(100 + 200 * n, 250, text)]
    body = b"".join(body + [record(0x0000, b"")])
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, (18 + len(body)) // 2, len(texts), 30, 0)
    return placeable + header + body


@pytest.mark.skipif(not shutil.which("wmf2svg"), reason="libwmf-bin not installed")
def test_each_font_is_read_in_its_character_sets_code_page():
    # MathType's Greek in a Greek Times (charset 161, cp1253: 0xF1 rho), Russian subscripts in a
    # Cyrillic one (204, cp1251: 0xEF п), a tall bracket's piece in Symbol (0xE6 parenlefttp):
    # read as Windows-1252 they were `ñ`, `ï`, and a private-use code no font draws
    from exporter.media.convert import wmf_to_svg

    svg = wmf_to_svg(_metafile_of([(font("Times New Roman", charset=161), b"\xf1"), (font("Times New Roman", charset=204), b"\xef"), (font("Symbol"), b"\xe6")])).decode("utf-8")
    assert re.findall(r">\s*([^<]*?)\s*</text>", svg) == ["ρ", "п", "⎛"]


def _one_glyph_preview() -> bytes:
    """A MathType preview of one letter as Word keeps it: a placeable header, the window as
    large as the letter, one text record. wmf2svg refuses it (`bounding box has null or
    negative size`), found on a Russian paper's ρ."""
    logfont = struct.pack("<5h8B", -448, 0, 0, 0, 400, 0, 0, 0, 161, 4, 2, 0, 0x10)
    body = b"".join([
        record(0x0209, struct.pack("<I", 0)), record(0x0102, struct.pack("<H", 1)), record(0x012E, struct.pack("<H", 0x18)),
        record(0x020B, struct.pack("<hh", 0, 0)), record(0x020C, struct.pack("<hh", 480, 320)),
        record(0x02FB, logfont + b"Times New Roman".ljust(32, b"\0")), record(0x012D, struct.pack("<H", 0)),
        record(0x0A32, struct.pack("<hhhH", 288, 43, 1, 0) + b"\xf1"), record(0x0000, b""),
    ])
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, (18 + len(body)) // 2, 1, 28, 0)
    placeable = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, 320, 480, 2306, 0)
    checksum = 0
    for i in range(0, 20, 2):
        checksum ^= struct.unpack_from("<H", placeable, i)[0]
    return placeable + struct.pack("<H", checksum) + header + body


@pytest.mark.skipif(not shutil.which("wmf2svg"), reason="libwmf-bin not installed")
def test_a_one_letter_preview_wmf2svg_refuses_is_drawn_in_its_own_frame(tmp_path):
    import subprocess

    from exporter.media.convert import wmf_to_svg
    from exporter.media.wmf_fonts import framed

    (tmp_path / "one.wmf").write_bytes(_one_glyph_preview())
    refused = subprocess.run(["wmf2svg", "--inline", "-o", str(tmp_path / "one.svg"), str(tmp_path / "one.wmf")], capture_output=True)
    assert refused.returncode != 0  # the case itself: wmf2svg still refuses it as it is
    svg = wmf_to_svg(_one_glyph_preview()).decode("utf-8")
    assert re.findall(r">\s*([^<]*?)\s*</text>", svg) == ["ρ"]  # its letter, in its Greek font's code page
    width, height = map(float, re.search(r'<svg[^>]*\swidth="([\d.]+)[a-z]*"[^>]*\sheight="([\d.]+)', svg).groups())
    assert abs(width / height - 320 / 480) < 0.01  # the window's shape: the letter keeps its place and size in it
    assert framed(_metafile_of([])) is not None and framed(b"not a metafile") is None
