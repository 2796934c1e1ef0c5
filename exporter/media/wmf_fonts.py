"""Which font each text record of a Windows metafile is drawn in, and MathType's "MT Extra".

libwmf's wmf2svg names a font it does not know (MathType's "MT Extra", which holds the dot of a
derivative, ellipses, ℝ, ℏ …) "Times", so its bytes would be read as Windows-1252 letters: the
dot of ẋ printed as `&`. Walking the metafile's own records (MS-WMF: the object table,
CREATEFONTINDIRECT, SELECTOBJECT, DELETEOBJECT, TEXTOUT, EXTTEXTOUT) gives each text record's
face name, in the order wmf2svg writes its <text> elements.
"""

from __future__ import annotations

import struct

PLACEABLE_KEY = 0x9AC6CDD7
TEXT_RECORDS = {0x0521, 0x0A32}  # META_TEXTOUT, META_EXTTEXTOUT
CREATE_FONT = 0x02FB
# the records that take a slot of the object table (MS-WMF 2.3.4)
CREATE_OBJECT = {0x00F7, 0x01F9, 0x0142, 0x02FA, 0x02FC, 0x06FF, CREATE_FONT, 0x06FE, 0x02FD, 0x0231}
SELECT_OBJECT, DELETE_OBJECT, EOF = 0x012D, 0x01F0, 0x0000
MAX_RECORDS = 1 << 20  # a bound on the walk, whatever the header claims

# MathType's published encoding of MT Extra (design-science.com, "MT Extra encoding"), in the
# spacing forms: in a metafile each accent is a glyph of its own, placed above its letter.
MT_EXTRA = {
    0x23: "\u02cb", 0x24: "\u02c6", 0x25: "\u02dc", 0x26: "\u02d9", 0x28: "\u2323", 0x29: "\u2322",
    0x3A: "\u223c", 0x3B: "\u2243", 0x3C: "\u22b2", 0x3D: "\u226a", 0x3E: "\u22b3", 0x3F: "\u226b",
    0x40: "\u225c", 0x41: "\u2259", 0x42: "\u2250", 0x43: "\u2210", 0x44: "\u019b", 0x49: "\u2229",
    0x4A: "\u2127", 0x4B: "\u2026", 0x4C: "\u22ef", 0x4D: "\u22ee", 0x4E: "\u22f0", 0x4F: "\u22f1",
    0x50: "\u2225", 0x51: "\u2235", 0x52: "\u2221", 0x53: "\u2222", 0x55: "\u222a", 0x56: "\u25b3",
    0x57: "\u25a1", 0x58: "\u25ad", 0x59: "\u25b1", 0x5A: "\u2197", 0x5B: "\u2199", 0x5D: "\u2198",
    0x5E: "\u2196", 0x60: "\u2035", 0x61: "\u21a6", 0x62: "\u2195", 0x63: "\u21d5", 0x64: "\u25cb",
    0x65: "\u2299", 0x66: "\u227b", 0x68: "\u210f", 0x6C: "\u2113", 0x6D: "\u2213", 0x6F: "\u2218",
    0x70: "\u227a", 0x72: "\u2192", 0x73: "\u2190", 0x74: "\u2194", 0x76: "\u21c0", 0x77: "\u21bc",
    0x80: "\u21c4", 0x83: "\u21cc", 0x86: "\u21c0", 0x87: "\u21bd", 0xA1: "\u211d", 0xA2: "\u2124",
    0xA3: "\u2102", 0xA4: "\u211a", 0xA5: "\u2115", 0xA7: "\u301a", 0xA8: "\u301b", 0xF2: "\u0131",
    0xF3: "\u00b9", 0xF4: "\u00b2", 0xF5: "\u00b3", 0xF6: "\u00bd", 0xF7: "\u00bc", 0xF8: "\u00be",
    0xF9: "\u2044", 0xFB: "\u02dd", 0xFC: "\u02d8", 0xFD: "\u02c7", 0xFE: "\u02da", 0xFF: "\u02db",
}


def decode_mt_extra(raw: bytes) -> str:
    """MT Extra bytes as Unicode; a code with no Unicode form (a piece of a stretched brace, a
    private symbol) as U+FFFD, a visible unknown rather than a wrong letter."""
    return "".join(" " if b == 0x20 else MT_EXTRA.get(b, "\ufffd") for b in raw)


def text_record_faces(data: bytes) -> list[tuple[str, int, int]] | None:
    """(the face name of the font selected, its character set, the number of characters) of
    each text record, in the metafile's order; None when the bytes are not a metafile whose
    records can be walked to their end."""
    at = 22 if len(data) >= 22 and struct.unpack_from("<I", data)[0] == PLACEABLE_KEY else 0
    if len(data) < at + 18:
        return None
    header_words = struct.unpack_from("<H", data, at + 2)[0]
    at += header_words * 2
    slots: list[tuple[str, int] | None] = []  # the object table: a font's (face name, charset), ("", 0) for another object
    selected, faces = None, []
    for _ in range(MAX_RECORDS):
        if at + 6 > len(data):
            return None
        words, function = struct.unpack_from("<IH", data, at)
        if function == EOF:
            return faces
        if words < 3 or at + words * 2 > len(data):
            return None
        params = data[at + 6 : at + words * 2]
        if function in CREATE_OBJECT:
            made = _font(params) if function == CREATE_FONT else ("", 0)
            free = slots.index(None) if None in slots else len(slots)
            slots[free:free + 1] = [made]
        elif function in (SELECT_OBJECT, DELETE_OBJECT) and len(params) >= 2:
            index = struct.unpack_from("<H", params)[0]
            if index < len(slots):
                if function == DELETE_OBJECT:
                    slots[index] = None
                elif slots[index] and slots[index][0]:
                    selected = slots[index]
        elif function in TEXT_RECORDS:
            face, charset = selected or ("", 0)
            faces.append((face, charset, _text_length(function, params)))
        at += words * 2
    return None


def _text_length(function: int, params: bytes) -> int:
    """TEXTOUT starts with the string's length; EXTTEXTOUT has it after the y and x."""
    offset = 0 if function == 0x0521 else 4
    return struct.unpack_from("<h", params, offset)[0] if len(params) >= offset + 2 else 0


def _font(params: bytes) -> tuple[str, int]:
    """LOGFONT's face name and character set: 18 bytes of metrics and flags (the charset the
    14th), then the name in up to 32 bytes ending in NUL."""
    charset = params[13] if len(params) > 13 else 0
    return params[18:50].split(b"\0", 1)[0].decode("latin-1").strip(), charset


SET_WINDOW_ORG, SET_WINDOW_EXT = 0x020B, 0x020C
CREATE_PEN, CREATE_BRUSH, RECTANGLE = 0x02FA, 0x02FC, 0x041B
PS_NULL, BS_NULL = 5, 1


def _record(function: int, params: bytes) -> bytes:
    return struct.pack("<IH", 3 + len(params) // 2, function) + params


def framed(data: bytes) -> bytes | None:
    """The metafile with an invisible rectangle over its window, drawn first (a null pen and a
    null brush, both deleted after it, so the object table is as before): libwmf measures a
    metafile by what it draws, and one that draws only a letter (a MathType preview of `ρ`) it
    measures as of no size and refuses. None when the records cannot be walked or set no window."""
    start = 22 if len(data) >= 22 and struct.unpack_from("<I", data)[0] == PLACEABLE_KEY else 0
    if len(data) < start + 18:
        return None
    header_size = struct.unpack_from("<H", data, start + 2)[0] * 2
    at, origin, extent = start + header_size, (0, 0), None
    while at + 6 <= len(data):
        words, function = struct.unpack_from("<IH", data, at)
        if words < 3 or function == EOF:
            return None
        if function == SET_WINDOW_ORG and words >= 5:
            origin = struct.unpack_from("<hh", data, at + 6)  # y, x
        at += words * 2
        if function == SET_WINDOW_EXT and words >= 5:
            extent = struct.unpack_from("<hh", data, at - words * 2 + 6)  # y, x
            break
    if extent is None:
        return None
    (y, x), (height, width) = origin, extent
    frame = b"".join([
        _record(CREATE_PEN, struct.pack("<HhhI", PS_NULL, 0, 0, 0)), _record(SELECT_OBJECT, struct.pack("<H", 0)),
        _record(CREATE_BRUSH, struct.pack("<HIH", BS_NULL, 0, 0)), _record(SELECT_OBJECT, struct.pack("<H", 1)),
        _record(RECTANGLE, struct.pack("<hhhh", y + height, x + width, y, x)),
        _record(DELETE_OBJECT, struct.pack("<H", 0)), _record(DELETE_OBJECT, struct.pack("<H", 1)),
    ])
    header = bytearray(data[start:start + header_size])
    struct.pack_into("<I", header, 6, (len(data) - start + len(frame)) // 2)  # the file's size in words
    struct.pack_into("<H", header, 10, max(struct.unpack_from("<H", header, 10)[0], 2))  # objects at once
    struct.pack_into("<I", header, 12, max(struct.unpack_from("<I", header, 12)[0], 8))  # the longest record
    return data[:start] + bytes(header) + data[start + header_size:at] + frame + data[at:]
