"""Opening a DOCX package safely: a zip that is a Word document, read within limits.

Every check here runs before python-docx sees the file, so a hostile package gets one line:
a truncated or foreign zip, a macro-enabled document, an XML part with a DTD (entity
expansion, external entities), a zip bomb (sizes and ratios are read from the directory first).
"""

from __future__ import annotations

import io
import re
import zipfile

from ...diagnostics import InputError

# Word's own files stay far below these: a 300-page thesis with images is ~50 MB unpacked.
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_XML_PART_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed of one member; real XML compresses ~5–20×
MAX_MEMBERS = 10_000

MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAIN_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_TYPES = ("macroEnabled", "vbaProject", "vbaData", "ms-office.activeX")
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def sniff(head: bytes) -> bool:
    """A zip local-file header: `PK\\x03\\x04` (what Word writes first)."""
    return head[:4] == b"PK\x03\x04"


def read_package(path: str) -> bytes:
    """The file's bytes after every safety check; InputError (one line) when it is refused."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    check_package(path, data)
    return data


def check_package(path: str, data: bytes) -> None:
    """Refuse what is not a plain Word document (see the module docstring for the list)."""
    if not data:
        raise InputError(path, "is empty")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(path, f"is not a readable DOCX (damaged or truncated zip: {exc})") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"holds {len(members)} zip members; a Word document holds far fewer (refused as a zip bomb)")
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        limit = MAX_XML_PART_BYTES if _is_xml(info.filename) else MAX_PART_BYTES
        if info.file_size > limit:
            raise InputError(path, f"member {info.filename} unpacks to {info.file_size} bytes, more than {limit} (refused as a zip bomb)")
        if ratio > MAX_RATIO and info.file_size > 1_000_000:
            raise InputError(path, f"member {info.filename} unpacks to {info.file_size} bytes, over {MAX_RATIO} times its packed size (refused as a zip bomb)")
    if total > MAX_TOTAL_BYTES:
        raise InputError(path, f"unpacks to {total} bytes (refused as a zip bomb)")
    names = {info.filename for info in members}
    if "[Content_Types].xml" not in names:
        raise InputError(path, "is a zip but not a DOCX (no [Content_Types].xml)")
    try:
        types = archive.read("[Content_Types].xml")
        for info in members:
            if _is_xml(info.filename):
                head = archive.read(info.filename)
                if _DTD.search(head):
                    raise InputError(path, f"part {info.filename} declares a DTD or entities; refused (Word never writes them)")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise InputError(path, f"is not a readable DOCX (damaged zip member: {exc})") from None
    text = types.decode("utf-8", "replace")
    if any(kind in text for kind in MACRO_TYPES) or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise InputError(path, "is a macro-enabled Word document (.docm content); refused: save it as a plain .docx")
    if MAIN_DOCUMENT not in text and MAIN_TEMPLATE not in text:
        raise InputError(path, "is a zip but not a Word document (no WordprocessingML main part)")


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))
