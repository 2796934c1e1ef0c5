"""Metafiles converted to SVG: what a browser (the web report, the HTML edition) can draw."""

from __future__ import annotations

import shutil
import struct

import pytest
from lxml import etree

from exporter.media.convert import svg_namespaces, wmf_to_svg
from exporter.media.images import prepare
from exporter.model import Image

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"


def _record(function: int, *words: int) -> bytes:
    return struct.pack("<IH", 3 + len(words), function) + struct.pack(f"<{len(words)}h", *words)


def small_wmf() -> bytes:
    """A placeable WMF (ECMA/[MS-WMF] records) drawing one line and the text `Hi` on a 200×100 window."""
    body = _record(0x020B, 0, 0) + _record(0x020C, 100, 200)  # META_SETWINDOWORG, META_SETWINDOWEXT (y, x)
    body += _record(0x0214, 10, 10) + _record(0x0213, 90, 190)  # META_MOVETO, META_LINETO (y, x)
    body += struct.pack("<IHh", 7, 0x0521, 2) + b"Hi" + struct.pack("<hh", 50, 20)  # META_TEXTOUT
    body += _record(0x0000)  # META_EOF
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, 9 + len(body) // 2, 0, 7, 0)
    placeable = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, 200, 100, 1440, 0)
    checksum = 0
    for (word,) in struct.iter_unpack("<H", placeable):
        checksum ^= word
    return placeable + struct.pack("<H", checksum) + header + body


needs_wmf2svg = pytest.mark.skipif(shutil.which("wmf2svg") is None, reason="wmf2svg (libwmf-bin) is not installed")


@needs_wmf2svg
def test_wmf_becomes_svg_in_the_svg_namespace():
    # wmf2svg declares no namespace (only its DOCTYPE's DTD did, which browsers never read):
    # elements in no namespace are not SVG to a browser, which then shows the alt text.
    root = etree.fromstring(wmf_to_svg(small_wmf()))
    assert root.tag == f"{{{SVG}}}svg"
    drawn = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
    assert {"line", "text"} <= drawn
    assert all(etree.QName(e).namespace == SVG for e in root.iter() if isinstance(e.tag, str))
    # what the editions carry (the picture prepared from the WMF) is the same SVG
    picture = prepare(Image(small_wmf(), "image/x-wmf", name="small.wmf"))
    assert picture.kind == "svg" and etree.fromstring(picture.data).tag == f"{{{SVG}}}svg"
    assert picture.width == pytest.approx(200 * 0.75)  # wmf2svg's width="200" (px, unitless) in points


def test_namespaces_declared_once_and_links_read_as_xlink():
    bare = '<svg width="10" height="10"><image xlink:href="data:image/png;base64,AA==" width="1" height="1"/></svg>'
    root = etree.fromstring(svg_namespaces(bare).encode())
    assert root.tag == f"{{{SVG}}}svg"
    assert root[0].get(f"{{{XLINK}}}href", "").startswith("data:image/png")
    declared = f'<svg xmlns="{SVG}" width="1"><g/></svg>'
    assert svg_namespaces(declared).count("xmlns=") == 1
    assert etree.fromstring(svg_namespaces(declared).encode()).tag == f"{{{SVG}}}svg"
