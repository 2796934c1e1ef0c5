"""Small Word documents for the DOCX tests, made with python-docx plus raw OXML where its API
stops (content controls, fields, footnotes), so each test states exactly what the file holds."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def xml_nodes(fragment: str):
    """Parse run- or block-level OXML written with the `w:`/`m:` prefixes."""
    return list(parse_xml(f'<w:root xmlns:w="{W_NS}" xmlns:m="{M_NS}">{fragment}</w:root>'))


def append_xml(paragraph, fragment: str) -> None:
    for node in xml_nodes(fragment):
        paragraph._p.append(node)


def field(instruction: str, shown: str) -> str:
    """A complex field (begin, instruction, separate, result, end) as runs."""
    instruction = instruction.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{shown}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def add_footnotes(document, notes: dict[int, str]) -> None:
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>' for i, text in notes.items())
    blob = (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>'
    ).encode()
    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def wrap_in_content_control(document, paragraphs, bibliography: bool = True) -> None:
    """Move `paragraphs` into one block-level content control (w:sdt); with `bibliography`, one
    marked as Word's bibliography gallery (as Word's own list is)."""
    props = '<w:docPartObj><w:docPartGallery w:val="Bibliographies"/></w:docPartObj>' if bibliography else '<w:id w:val="1"/>'
    sdt = xml_nodes(f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent/></w:sdt>")[0]
    paragraphs[0]._p.addprevious(sdt)
    content = sdt.find(qn("w:sdtContent"))
    for p in paragraphs:
        content.append(p._p)


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def rewrite_member(path: Path, name: str, change) -> None:
    """Replace one zip member's bytes by `change(old_bytes)` (for hostile packages)."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            target.writestr(info.filename, change(data) if info.filename == name else data)
    path.write_bytes(out.getvalue())


def kazakh_paper(path: Path, extra_citation: str = "") -> Path:
    """A short Kazakh paper: Title style, body with citations, a Word-numbered list of two."""
    d = docx.Document()
    d.add_heading("Қазақстан мен Қытай арасындағы сауда", level=0)
    d.add_paragraph("")  # an empty paragraph: not counted
    d.add_paragraph("Екі елдің сауда байланысы туралы зерттеулер [1] көп.")
    d.add_paragraph(f"Бұл мәселе [2] еңбегінде қаралған{extra_citation}.")
    d.add_heading("Әдебиеттер тізімі", level=1)
    d.add_paragraph("Сыроежкин К. Л. Казахстан – Китай: от приграничной торговли к стратегическому партнерству. Алматы: КИСИ, 2010.", style="List Number")
    d.add_paragraph("Лаумулин М. Т. Центральная Азия в зарубежной политологии и мировой геополитике. Алматы: КИСИ, 2009.", style="List Number")
    return save(d, path)


# ---- pictures and formulas ----------------------------------------------------------------

PNG_1PX = bytes.fromhex(  # a 1×1 transparent PNG
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
# A placeable WMF header and an end record: what Equation 3.0 / MathType previews are.
WMF_TINY = bytes.fromhex("d7cdc69a0000000000000004000300000000000060a90100000009000003160000000000") + bytes.fromhex("030000000000")
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def add_media(document, name: str, content_type: str, data: bytes) -> str:
    """A media part related to the body; its relationship id."""
    part = Part(PackURI(f"/word/media/{name}"), content_type, data, document.part.package)
    return document.part.relate_to(part, RT.IMAGE)


def add_ole(document, name: str) -> str:
    part = Part(PackURI(f"/word/embeddings/{name}"), "application/vnd.openxmlformats-officedocument.oleObject", b"\xd0\xcf\x11\xe0" + b"\0" * 60, document.part.package)
    return document.part.relate_to(part, RT.OLE_OBJECT)


def vml_picture(rid: str, style: str = "width:72pt;height:36pt", alt: str = "") -> str:
    return (f'<w:r><w:pict><v:shape xmlns:v="{V_NS}" xmlns:o="{O_NS}" style="{style}"{f" alt={chr(34)}{alt}{chr(34)}" if alt else ""}>'
            f'<v:imagedata xmlns:r="{R_NS}" r:id="{rid}" o:title=""/></v:shape></w:pict></w:r>')


def equation_object(rid_preview: str, rid_ole: str, progid: str = "Equation.DSMT4", style: str = "width:60.75pt;height:14.25pt") -> str:
    """An OLE equation object as Word writes it: a VML preview shape and the OLE reference."""
    return (f'<w:r><w:object xmlns:v="{V_NS}" xmlns:o="{O_NS}" xmlns:r="{R_NS}"><v:shape style="{style}" o:ole="">'
            f'<v:imagedata r:id="{rid_preview}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="{progid}" DrawAspect="Content" r:id="{rid_ole}"/></w:object></w:r>')
