"""What of a Word paper's pictures, equations, merged cells and captions reaches the model:
the DOCX corpus and public papers the reader was not developed on. Writes bench/DOCX_MEDIA.md.

    python bench/docx_media.py [corpus folder] [folder of the extra papers]

The extra papers are public Word files from GitHub (origins below). None carries a licence,
so they are not copied into the project: fetch them by their origin into a folder of your
own (named as in EXTRA) to rerun this. Counts are read from each `word/document.xml` with
regular expressions, independently of the reader.
"""

from __future__ import annotations

import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.model import Figure, Image, Math, Paragraph, Table, plain_text, walk  # noqa: E402
from exporter.readers import read_document  # noqa: E402

CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/corpus/docx")
EXTRA_DIR = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/extra-docx")

# name: (origin as owner/repo@commit:path, what it holds)
EXTRA = {
    "tandemun.docx": ("Tandemun/Article@8a1f1b85c2e055b1f417a7ee44c438672f4a2fde:Статья.docx", "48 MathType objects, 5 figures, a table of formulas"),
    "nikita.docx": ("Nikitaenterprise/Dissertation@b40b651c99f43c4623f5d14119d0a901823f1109:Статья.docx", "OMML, OLE graphs (EMF), layout tables of sub-figures, unnumbered captions"),
    "nikita_paper.docx": ("Nikitaenterprise/Dissertation@b40b651c99f43c4623f5d14119d0a901823f1109:Paper.docx", "the same work as a paper"),
    "otu2.docx": ("SpectralJager/Asu_FTF_lectures@f98f4c6386dedbbc3b7b539befea491ec6ce0b54:automat/ОТУ Лаб 2.docx", "OMML, plots, no captions"),
    "otu6.docx": ("SpectralJager/Asu_FTF_lectures@f98f4c6386dedbbc3b7b539befea491ec6ce0b54:automat/ОТУ Лаб 6.docx", "OMML, plots, no captions"),
    "fedorov.docx": ("dorka63/PIN-diode-2021@3389b2ece7aa02b30c6e96e7e7fad4227ac8bc6c:Литература/20305_курс_ФедоровФС.docx", "Word charts and shapes with no fallback picture"),
    "dobrynin.docx": ("morphsilk/article@5065e62bded1a3321f902c2878e37db61a57d86c:Статья_Добрынин А.docx", "figures and captioned tables"),
    "nir.docx": ("morphsilk/article@5065e62bded1a3321f902c2878e37db61a57d86c:NIR.docx", "figures and captioned tables"),
}

_FIELD = re.compile(r'<w:fldChar w:fldCharType="(begin|separate|end)"/>|<(wp:inline|wp:anchor|v:imagedata)\b')
_CAPTION_LEFT = re.compile(r"\s*(Рис|Fig|Табл|Table)\w*\.?\s*\d+\s*[.:–—-]")


def shown_pictures(xml: str) -> int:
    """Pictures Word shows, counted on document.xml's text: every `wp:inline`/`wp:anchor` and
    `v:imagedata`, less those in a field's instruction part when that field has a result of
    its own (Word shows the result; a QUOTE field keeps a copy of its picture in both)."""
    stack: list[list] = []  # per open field: [in result?, pictures in its instruction]
    count = 0
    for m in _FIELD.finditer(xml):
        kind, picture = m.group(1), m.group(2)
        if picture:
            if stack and not stack[-1][0]:
                stack[-1][1] += 1
            else:
                count += 1
        elif kind == "begin":
            stack.append([False, 0])
        elif kind == "separate" and stack:
            stack[-1][0] = True
        elif kind == "end" and stack:
            in_result, held = stack.pop()
            if not in_result:
                count += held
    return count


def unshowable(xml: str) -> int:
    """Drawings with nothing a reader can show: charts and shapes Word saved without a fallback picture."""
    alternates = re.findall(r"<mc:AlternateContent>.*?</mc:AlternateContent>", xml, flags=re.S)
    drawings = re.findall(r"<w:drawing>.*?</w:drawing>", re.sub(r"<mc:AlternateContent>.*?</mc:AlternateContent>", "", xml, flags=re.S), flags=re.S)
    return sum("<a:blip" not in d for d in drawings) + sum("<a:blip" not in a and "<v:imagedata" not in a for a in alternates)


def row(path: Path) -> tuple[str, list]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    start = time.perf_counter()
    doc = read_document(str(path))
    seconds = time.perf_counter() - start
    nodes = list(walk(doc.blocks))
    images = [i for b in doc.blocks if isinstance(b, Figure) for i in b.images] + [n for n in nodes if isinstance(n, Image)]
    maths = [n for n in nodes if isinstance(n, Math)]
    objects = len(re.findall(r'ProgID="Equation', xml))
    formula_pictures = sum(i.media_type in ("image/x-wmf", "image/x-emf") for i in images)
    spans = sum(1 for b in doc.blocks if isinstance(b, Table) for r in b.rows for c in r if c.rowspan > 1 or c.colspan > 1)
    merged = len(re.findall(r'<w:gridSpan w:val="(?!1")\d+"', xml)) + len(re.findall(r'<w:vMerge w:val="restart"', xml))
    floats = [b for b in doc.blocks if isinstance(b, (Figure, Table))]
    left = sum(1 for b in doc.blocks if isinstance(b, Paragraph) and _CAPTION_LEFT.match(plain_text(b.inlines)))
    pictures = shown_pictures(xml)
    cells = [path.stem, f"{len(images)} / {pictures - unshowable(xml)}", str(unshowable(xml)), f"{len(maths)} / {len(re.findall(r'<m:oMath>', xml))}",
             f"{min(formula_pictures, objects)} / {objects}", f"{spans} / {merged}", f"{sum(bool(b.caption) for b in floats)} / {len(floats)}", str(left), f"{seconds:.2f}"]
    return path.stem, cells


def main() -> None:
    header = "| paper | pictures in model / shown | charts, shapes without picture (DOC001) | OMML as TeX | equation objects as pictures | merged cells (in tables) / in XML | figures+tables captioned | captions left unbound | read, s |"
    lines = ["# DOCX pictures, equations, merged cells and captions in the model", "",
             "Written by `python bench/docx_media.py` (do not edit by hand): counts read from each file's",
             "`word/document.xml` beside what `exporter.readers.docx` puts in the model.", "",
             "## The corpus", "", header, "|" + "---|" * 9]
    for path in sorted(CORPUS.glob("*.docx")):
        lines.append("| " + " | ".join(row(path)[1]) + " |")
    lines += ["", "## Public papers the reader was not developed on", "",
              "Not in the project (no licence); origins below. Merged cells of layout tables that became", "figures are not table cells, so the third column may show fewer.", "",
              header, "|" + "---|" * 9]
    for name in EXTRA:
        if (EXTRA_DIR / name).is_file():
            lines.append("| " + " | ".join(row(EXTRA_DIR / name)[1]) + " |")
    lines += ["", "| file | origin | what it holds |", "|---|---|---|", *(f"| {n} | `{o}` | {w} |" for n, (o, w) in EXTRA.items()), ""]
    (ROOT / "bench" / "DOCX_MEDIA.md").write_text("\n".join(lines), encoding="utf-8")
    print("wrote bench/DOCX_MEDIA.md")


if __name__ == "__main__":
    main()
