"""Write source/demo-word.docx, the shipped DOCX demo: a short paper as an author makes it in
Word — Title and Heading styles, bold and italic runs, a footnote, a table, an equation, a reference list
numbered by Word's automatic numbering (the numbers are not in the text: they come from the
`List Number` style's numbering), citations typed as `[n]` and one as a cross-reference field
to a list item. Every citation resolves; every reference is a real publication.

    .venv/bin/python source/make_demo_docx.py      # rewrites source/demo-word.docx

The output is deterministic (fixed document dates and zip times), so a rerun changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "demo-word.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

REFERENCES = [
    "ECMA International. ECMA-376: Office Open XML File Formats. Part 1: Fundamentals and Markup Language Reference. 5th ed. Geneva: Ecma International, 2021.",
    "Lopez P. GROBID: Combining Automatic Bibliographic Data Recognition and Term Extraction for Scholarship Publications // Research and Advanced Technology for Digital Libraries (ECDL 2009). Lecture Notes in Computer Science, vol. 5714. Berlin: Springer, 2009. P. 473–474.",
    "Councill I. G., Giles C. L., Kan M.-Y. ParsCit: an Open-source CRF Reference String Parsing Package // Proceedings of the Sixth International Conference on Language Resources and Evaluation (LREC 2008). Marrakech: ELRA, 2008. P. 661–667.",
    "Tkaczyk D., Szostek P., Fedoryszak M., Dendek P. J., Bolikowski Ł. CERMINE: automatic extraction of structured metadata from scientific literature // International Journal on Document Analysis and Recognition. 2015. Vol. 18, no. 4. P. 317–335.",
    "ГОСТ Р 7.0.5–2008. Библиографическая ссылка. Общие требования и правила составления. М.: Стандартинформ, 2008. 19 с.",
]


def add_runs(paragraph, parts) -> None:
    """`parts`: plain strings, or (text, "b"/"i"/"bi") for bold and italic runs."""
    for part in parts:
        text, style = (part, "") if isinstance(part, str) else part
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None


def add_ref_field(paragraph, bookmark: str, shown: str) -> None:
    """A cross-reference to a numbered paragraph (`REF bookmark \\r \\h`), showing `shown`."""
    xml = (
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> REF {bookmark} \\r \\h </w:instrText></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:t>{shown}</w:t></w:r>'
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'
    )
    for node in parse_xml(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'):
        paragraph._p.append(node)


def add_equation(paragraph, text: str) -> None:
    """An OMML equation (what Word's equation editor writes), its text in one math run."""
    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    paragraph._p.append(parse_xml(f'<m:oMath xmlns:m="{m}"><m:r><m:t>{text}</m:t></m:r></m:oMath>'))


def add_footnote(document, paragraph, text: str) -> None:
    """A footnote: python-docx has no API for them, so the part is added at the OPC level."""
    footnotes = (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", footnotes.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    vert = rpr.makeelement(qn("w:vertAlign"), {qn("w:val"): "superscript"})
    rpr.append(vert)
    run._r.append(run._r.makeelement(qn("w:footnoteReference"), {qn("w:id"): "1"}))


def bookmark(paragraph, name: str, bid: int) -> None:
    start = paragraph._p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): str(bid), qn("w:name"): name})
    end = paragraph._p.makeelement(qn("w:bookmarkEnd"), {qn("w:id"): str(bid)})
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def make() -> bytes:
    document = docx.Document()
    core = document.core_properties
    core.author = core.last_modified_by = "exporter demo"
    core.created = core.modified = dt.datetime(2026, 1, 1)
    core.revision = 1
    core.title = "Checking numeric citations in Word manuscripts"
    document.styles["Normal"].font.size = Pt(12)

    document.add_heading("Checking numeric citations in Word manuscripts", level=0)
    document.add_paragraph("A. Editor, B. Reviewer")
    document.add_paragraph("Abstract. Authors send their papers as Word files whose reference lists are numbered by Word itself, so the numbers are not in the text. This demo shows what the DOCX reader takes from such a file.")
    document.add_paragraph("Keywords: citations, reference list, Office Open XML, Word numbering")

    document.add_heading("Introduction", level=1)
    p = document.add_paragraph()
    add_runs(p, ["A Word document is a zip package of XML parts described by ", ("ECMA-376", "i"), " [1]. Tools that extract references from papers, such as GROBID [2] and ParsCit [3], start from PDF; a manuscript in Word keeps more structure."])
    add_footnote(document, p, "The same numbering rules hold for documents written by LibreOffice.")
    p = document.add_paragraph()
    add_runs(p, ["The reference list below is ", ("numbered automatically", "b"), ": its numbers live in the numbering part, and a reader must compute them [1, 4]."])

    document.add_heading("Method", level=1)
    p = document.add_paragraph()
    add_runs(p, ["Each citation is matched to its entry; CERMINE [4] reports the same kinds of metadata. An interval in a Word equation, "])
    add_equation(p, "x∈[1, 2]")
    add_runs(p, [", is never read as a citation. Russian papers follow GOST rules [5, p. 3]; here one citation is a cross-reference field: ["])
    add_ref_field(p, "_RefDemo5", "5")
    p.add_run("].")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, (a, b) in zip(table.rows, [("Tool", "Input"), ("GROBID [2]", "PDF"), ("ParsCit [3]", "reference strings")]):
        row.cells[0].text, row.cells[1].text = a, b
    document.add_paragraph("Table 1 compares the tools by their input.")

    document.add_heading("References", level=1)
    for n, text in enumerate(REFERENCES, start=1):
        p = document.add_paragraph(text, style="List Number")
        if n == 5:
            bookmark(p, "_RefDemo5", 0)
    return _deterministic(document)


def _deterministic(document) -> bytes:
    """The package with every zip member dated 1980-01-01, in python-docx's order."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    data = make()
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    target.write_bytes(data)
    print(f"wrote {target} ({len(data)} bytes)")
