"""Editing a copy of the author's Word file: its main part, its paragraphs by ¶ number, runs cut
at a character, and the package written back with every other member byte for byte.

`annotate` (comments) and `fix` (renumbering) both edit this way. A package whose members
cannot all be copied faithfully — two members of one name, a member stored with a compression
Python cannot read, a damaged member — is refused by name (exit 2), never copied in part.
"""

from __future__ import annotations

import bisect
import copy
import io
import zipfile
import zlib
from pathlib import PurePosixPath

from lxml import etree

from .diagnostics import InputError
from .readers.docx.body import MATH_MARK, BodyWalker, Styles
from .readers.docx.numbering import Numbering
from .readers.docx.reader import count_paragraphs
from .readers.docx.xml import W, parse

OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What zipfile reads (and so can copy): stored, deflated, bzip2, LZMA.
_READABLE = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


def open_package(path: str, data: bytes) -> zipfile.ZipFile:
    """The package, refused unless every member can be copied as it is: one member per name,
    each stored with a compression zipfile reads (checked from the directory)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    seen: set[str] = set()
    for info in archive.infolist():
        if info.filename in seen:
            raise InputError(path, f"holds two zip members named {info.filename}; refused (a Word file never does)")
        seen.add(info.filename)
        if info.compress_type not in _READABLE:
            raise InputError(path, f"member {info.filename} is compressed with method {info.compress_type}, which cannot be read; refused (Word stores or deflates)")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str) -> bytes:
    """A member's bytes; a damaged one (bad CRC, broken deflate stream) is one InputError."""
    try:
        return archive.read(name)
    except _ZIP_ERRORS as exc:
        raise InputError(path, f"member {name} cannot be read (damaged zip: {exc}); refused") from None


def main_part(archive: zipfile.ZipFile, path: str) -> str:
    """The name of the main document part, from the package relationships."""
    rels = parse(read_member(archive, "_rels/.rels", path))
    for rel in rels.iter("{%s}Relationship" % PKG_REL_NS):
        if rel.get("Type") == OFFICE_DOCUMENT_REL:
            return (rel.get("Target") or "").lstrip("/")
    raise InputError(path, "has no main document part")


def rels_name(part: str) -> str:
    """`word/document.xml` -> `word/_rels/document.xml.rels`."""
    p = PurePosixPath(part)
    return str(p.parent / "_rels" / f"{p.name}.rels")


def serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_package(archive: zipfile.ZipFile, changed: dict[str, bytes], path: str) -> bytes:
    """The package with the `changed` members' new bytes (new members at the end); every
    other member copied byte for byte, each with its name, date and attributes."""
    changed = dict(changed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            content = changed.pop(info.filename, None)
            if content is None:
                content = read_member(archive, info.filename, path)
            target.writestr(_copy_info(info), content)
        for name, content in changed.items():  # parts the file did not have
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copied = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copied.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
    copied.external_attr = info.external_attr
    copied.create_system = info.create_system
    return copied


class Anchors:
    """Places in the document part: ¶ number -> the paragraphs holding text there (a table's
    cells share the number of the paragraph before the table), as the Word reader counts them."""

    def __init__(self, body):
        walker = BodyWalker(Styles(None), Numbering(None), {})
        items = walker.walk_body(body)
        self.paras, self.numbers, _ = count_paragraphs(items)
        self.by_number: dict[int, list] = {}
        for para, n in zip(self.paras, self.numbers):
            if para.text.replace(MATH_MARK, "").strip():
                self.by_number.setdefault(n, []).append(para)
        self.first = next(iter(self.by_number.values()))[0] if self.by_number else None


_ONE_CHAR = {W + "tab", W + "ptab", W + "br", W + "cr", W + "noBreakHyphen"}


def split_run(para, offset: int) -> None:
    """Make `offset` of the paragraph text the start of a run, cutting the run that holds it in
    two (the same properties, the same text); nothing happens at a run's start or in a formula."""
    starts = [o for o, _ in para.places]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or starts[i] == offset:
        return
    run = para.places[i][1]
    if run.tag != W + "r":
        return
    k = offset - starts[i]
    kids = [c for c in run if c.tag != W + "rPr"]
    seen = 0
    for index, node in enumerate(kids):
        size = len(node.text or "") if node.tag == W + "t" else 1 if node.tag in _ONE_CHAR else 0
        if seen + size > k:
            break
        seen += size
    else:
        return
    clone = copy.deepcopy(run)
    clone_kids = [c for c in clone if c.tag != W + "rPr"]
    cut = k - seen
    if cut:  # inside a w:t: its text is shared between the two runs
        node, twin = kids[index], clone_kids[index]
        text = node.text or ""
        node.text, twin.text = text[:cut], text[cut:]
        for t in (node, twin):
            t.set(XML_SPACE, "preserve")
        drop_original, drop_clone = kids[index + 1:], clone_kids[:index]
    else:
        drop_original, drop_clone = kids[index:], clone_kids[:index]
    for node in drop_original:
        run.remove(node)
    for node in drop_clone:
        clone.remove(node)
    run.addnext(clone)
    para.places.insert(i + 1, (offset, clone))


def element_at(para, offset: int):
    """The run (or formula) holding character `offset` of the paragraph's text."""
    starts = [o for o, _ in para.places]
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    return para.places[i][1] if para.places else None
