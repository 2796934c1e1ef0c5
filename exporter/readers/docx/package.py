"""Opening a DOCX package safely: a zip that is a Word document, read within limits.

Every check here runs before python-docx sees the file, so a hostile package gets one line:
a truncated or foreign zip, a macro-enabled document, an XML part with a DTD (entity
expansion, external entities), a zip bomb (sizes and ratios are read from the directory first).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

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
_DTD = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
STRICT = "purl.oclc.org/ooxml/"  # Strict Open XML's namespaces and relationship types


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
    types = b""
    for info in members:
        blob = _member(path, archive, info)
        if info.filename == "[Content_Types].xml":
            types = blob
        if _is_xml(info.filename):
            text = xml_text(blob)
            if _DTD.search(text):
                raise InputError(path, f"part {info.filename} declares a DTD or entities; refused (Word never writes them)")
            if info.filename == "_rels/.rels" and STRICT in text:
                raise InputError(path, "is a Strict Open XML document, which is not read; save it in Word as a Word Document (.docx)")
    text = types.decode("utf-8", "replace")
    if any(kind in text for kind in MACRO_TYPES) or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise InputError(path, "is a macro-enabled Word document (.docm content); refused: save it as a plain .docx")
    if MAIN_DOCUMENT not in text and MAIN_TEMPLATE not in text:
        raise InputError(path, "is a zip but not a Word document (no WordprocessingML main part)")


def _member(path: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member's bytes, read whole (so its checksum is verified); one line when it cannot be."""
    if info.flag_bits & 0x1:
        raise InputError(path, f"member {info.filename} is encrypted; refused (save the document without a password)")
    try:
        return archive.read(info)
    except zipfile.BadZipFile as exc:
        why = "its bytes fail their checksum" if "CRC" in str(exc) else str(exc)
        raise InputError(path, f"is not a readable DOCX (damaged zip member {info.filename}: {why})") from None
    except NotImplementedError:
        raise InputError(path, f"is not a readable DOCX (zip member {info.filename} uses a compression method Word never writes)") from None
    except (OSError, ValueError, EOFError, RuntimeError, zlib.error) as exc:
        raise InputError(path, f"is not a readable DOCX (damaged zip member {info.filename}: {exc})") from None


def xml_text(blob: bytes) -> str:
    """An XML part as text in its own encoding (UTF-8, or UTF-16 with or without a byte-order
    mark), so a declaration in UTF-16 is seen like one in UTF-8."""
    if blob[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return blob.decode("utf-16", "replace")
    if blob[:2] == b"<\x00":
        return blob.decode("utf-16-le", "replace")
    if blob[:2] == b"\x00<":
        return blob.decode("utf-16-be", "replace")
    return blob.decode("utf-8", "replace")


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))
