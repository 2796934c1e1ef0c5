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


def font(face: str, height: int = -200) -> bytes:
    logfont = struct.pack("<5h8B", height, 0, 0, 0, 400, 0, 0, 0, 2 if face == "Symbol" else 0, 0, 0, 0, 0)
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
    assert text_record_faces(metafile()) == [("Times New Roman", 1), ("MT Extra", 1), ("Symbol", 1)]


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
