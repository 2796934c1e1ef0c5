"""Pictures, equations and caption fields in the DOCX edition, as OOXML python-docx has no API for.

Pictures keep the source's bytes (a WMF or EMF stays a vector Word draws itself; an SVG is
carried with the `asvg:svgBlip` extension over a PNG preview Word versions before 2016 show);
each distinct picture is stored once. Equations are `m:oMath`: the source's OMML when it came
from Word, else made from TeX (media.omml). Caption numbers are `SEQ` fields Word renumbers.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path
from html import escape as html_escape  # not xml.sax.saxutils: it imports urllib.request, http.client and ssl (~15 ms)

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.image import ImagePart
from lxml import etree

from ..media.convert import TIME_LIMIT
from ..media.images import MediaError, Picture, vector_pdf
from ..media.omml import M, W

EMU_PER_POINT = 12700
CONTENT_TYPES = {
    "image/png": ".png", "image/jpeg": ".jpeg", "image/gif": ".gif", "image/bmp": ".bmp", "image/tiff": ".tiff",
    "image/x-wmf": ".wmf", "image/x-emf": ".emf", "image/svg+xml": ".svg",
}
SVG_BLIP_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"


class PictureParts:
    """The document's image parts, one per distinct picture, and the drawings that show them."""

    def __init__(self, document_part):
        self.part = document_part
        self.rids: dict[tuple[str, bytes], str] = {}
        self.count = 0

    def _relate(self, data: bytes, media_type: str) -> str:
        digest = hashlib.sha256(data).digest()
        key = (media_type, digest)
        if key not in self.rids:
            n = len(self.rids) + 1
            partname = PackURI(f"/word/media/picture{n}{CONTENT_TYPES[media_type]}")
            image_part = ImagePart(partname, media_type, data)
            self.rids[key] = self.part.relate_to(image_part, RT.IMAGE)
        return self.rids[key]

    def inline(self, data: bytes, media_type: str, width: float, height: float, name: str, alt: str, picture: Picture | None, kind: str = "Picture"):
        """A `w:drawing` holding the picture inline at `width` × `height` points; `kind` names it
        (`Picture 3`, or `Formula 3` for a formula's picture)."""
        self.count += 1
        if media_type == "image/svg+xml":
            embed = self._relate(png_preview(picture, width, height), "image/png")
            svg_rid = self._relate(data, media_type)
            extension = (
                f'<a:extLst><a:ext uri="{SVG_BLIP_EXT}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="{svg_rid}"/></a:ext></a:extLst>'
            )
        else:
            embed, extension = self._relate(data, media_type), ""
        cx, cy = round(width * EMU_PER_POINT), round(height * EMU_PER_POINT)
        n = self.count
        title = _xml_attr(alt or name or f"{kind} {n}")
        xml = (
            f'<w:drawing {nsdecls("w", "wp", "a", "pic", "r")}>'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{n}" name="{kind} {n}" descr="{title}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{n}" name="{_xml_attr(name or f"picture{n}")}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{embed}">{extension}</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        )
        return parse_xml(xml)


def _xml_attr(text: str) -> str:
    """An attribute value: the caller passed XML-safe text (docx.xml_safe); quotes escaped."""
    return html_escape(text[:200], quote=False).replace('"', "&quot;")


def png_preview(picture: Picture | None, width: float, height: float) -> bytes:
    """A PNG of an SVG picture at 150 dpi (poppler's pdftoppm on its vector PDF), for Word's `a:blip`."""
    tool = shutil.which("pdftoppm")
    if picture is None or tool is None:
        raise MediaError("svg", "no PNG preview can be made for the DOCX (pdftoppm, from poppler-utils, is missing)")
    with tempfile.TemporaryDirectory(prefix="exporter-svg-") as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(vector_pdf(picture))
        dpi = max(36, min(150, round(150 * min(4000 / max(width, 1), 4000 / max(height, 1)))))
        try:
            subprocess.run([tool, "-png", "-r", str(dpi), "-singlefile", str(source), str(Path(tmp) / "out")], capture_output=True, timeout=TIME_LIMIT, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise MediaError("svg", f"no PNG preview could be made ({type(exc).__name__})") from None
        return (Path(tmp) / "out.png").read_bytes()


def omml_element(omml: str):
    """The source's `<m:oMath>` (or `<m:oMathPara>`) as an element, its namespaces declared
    whether or not the reader kept them; None if it is not well-formed OMML."""
    wrapped = f'<wrap xmlns:m="{M}" xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{omml}</wrap>'
    try:
        root = etree.fromstring(wrapped.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return None
    found = [k for k in root if isinstance(k.tag, str) and k.tag in (qn("m:oMath"), qn("m:oMathPara"))]
    return parse_xml(etree.tostring(found[0])) if found else None


def inline_math(element):
    """An `m:oMath` from a possibly `m:oMathPara` element (for a formula in a line of text)."""
    if element.tag == qn("m:oMathPara"):
        inner = element.find(qn("m:oMath"))
        return inner if inner is not None else element
    return element


def display_math_element(element):
    """An `m:oMathPara` holding the formula (a source's `m:oMath` set on a line of its own:
    Word centres an equation paragraph, and sets a bare `m:oMath` in the line, at its start)."""
    if element.tag == qn("m:oMathPara"):
        return element
    para = OxmlElement("m:oMathPara")
    para.append(element)
    return para


def seq_field(paragraph_element, identifier: str, number: str, run_properties=None) -> None:
    """`SEQ identifier \\* ARABIC` showing `number` (Word recomputes it on update); a number a
    sequence cannot count (a chapter's `2.1`, an appendix's `A1`) is written as text, which an
    update would have made 1, 2, 3."""
    rpr = etree.tostring(run_properties).decode() if run_properties is not None else ""
    if not number.isdecimal():
        paragraph_element.append(parse_xml(f'<w:r {nsdecls("w")}>{rpr}<w:t>{html_escape(number, quote=False)}</w:t></w:r>'))
        return
    xml = (
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r {nsdecls("w")}>{rpr}<w:instrText xml:space="preserve"> SEQ {identifier} \\* ARABIC </w:instrText></w:r>'
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r {nsdecls("w")}>{rpr}<w:t>{html_escape(number, quote=False)}</w:t></w:r>'
        f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    for run in list(parse_xml(f"<w:wrap {nsdecls('w')}>{xml}</w:wrap>")):
        paragraph_element.append(run)
