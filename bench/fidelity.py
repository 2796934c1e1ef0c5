"""How much of what the authors placed reaches each edition: pictures, equations typeset as
mathematics, merged table cells and captions, counted in the corpus's Word papers and in
exporter's three editions beside pandoc's (docx → docx, docx → latex) on the same sources.

    .venv/bin/python bench/fidelity.py            # writes bench/FIDELITY.md
    .venv/bin/python bench/fidelity.py --out -    # to stdout

Every count is read from the files themselves, never from exporter's model:
- sources (`word/document.xml`): pictures = `w:drawing` pictures (`pic:pic`) + VML `v:imagedata`
  (an OLE object's preview counts), but not those in a field's code, which Word does not show; equations = outermost `m:oMath` + OLE `Equation.*`/MathType
  objects; merged cells = `w:gridSpan` > 1 + `w:vMerge` restarts; captions = paragraphs in a
  Caption style, holding a `SEQ` field, or starting `Рисунок N`/`Рис. N`/`Figure N`/`Таблица N`/`Table N`.
- DOCX editions: the same, on their `document.xml`.
- Equations: a formula object that holds the reader's placeholder `⟨formula⟩` is counted as a
  placeholder, not as an equation; "2-D structure" means OMML structure elements or TeX's
  `\\frac`, `_`, `^`, `\\sqrt`, `\\sum`, `\\left`… (an OLE equation counts as structured).
  An Equation 3.0 / MathType object has only its preview picture for a converter to show: in an
  edition that picture counts as the equation shown (found by its bytes in a DOCX, by name in a
  .tex: exporter's `formulaN`, pandoc's own media name; in exporter's PDF it is marked `/Formula`).
- Captions: a SEQ field numbering equations (`SEQ Equation`, `SEQ Формула`, `SEQ MTEqn`) is an
  equation's number, not a caption.
- LaTeX editions: `\\includegraphics`; math = `$…$`, `\\(…\\)`, `\\[…\\]`, `equation`/`align`/…
  environments; merged = `\\multicolumn{n>1}` + `\\multirow`; captions = `\\caption` + paragraphs
  starting as a caption does.
- PDF editions: pictures = image XObjects and picture forms drawn on the pages (`Do`);
  math = formulas drawn (exporter marks each typeset formula as marked content `/Formula`
  whose `/Alt` is its TeX: a typeset placeholder is told apart by it); structure is not
  countable in a PDF (—);
  captions = lines starting `Рисунок N`/`Рис. N`/`Figure N`/`Таблица N`/`Table N`; merged cells
  are not countable in a PDF (—).
Each paper is built in a temporary folder; a failure is recorded in its cell, never fatal, so
the script runs on whatever the readers produce.

Sizes: each edition's bytes against what it must carry, the source's pictures plus its text:
- pictures: the distinct media parts (by their bytes) the source's `document.xml` shows or
  links (`r:embed`, `r:id`, `r:link` of an image relationship), as the source stores them;
- text: the UTF-8 bytes of every `w:t` and `m:t` of the document, its footnotes and endnotes.
LaTeX is the `.tex` plus its `<stem>.media/` folder; pandoc LaTeX the `.tex` plus the media it
extracts. The fixed cost no content pays for (an edition's own skeleton: fonts' subsets in a
PDF, styles and settings in a DOCX) is shown apart, as the PDF's embedded font programs.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from corpus import corpus_dir  # noqa: E402

KINDS = ("pictures", "equations", "structured", "placeholders", "merged", "captions")
TITLES = {
    "pictures": "pictures (figures, and equation previews)",
    "equations": "equations shown as mathematics: formula objects, or an equation object's picture",
    "structured": "… of which with 2-D structure (fractions, scripts, radicals, sums, delimiters, matrices)",
    "placeholders": "equation placeholders `⟨formula⟩` printed (fewer is better)",
    "merged": "merged table cells",
    "captions": "captions",
}
PLACEHOLDER = "⟨formula⟩"  # what today's DOCX reader gives for an Equation 3.0 / MathType object
OMML_STRUCTURE = ("f", "sSub", "sSup", "sSubSup", "sPre", "rad", "nary", "d", "m", "acc", "bar", "limLow", "limUpp", "func", "eqArr", "groupChr", "box", "borderBox")
TEX_STRUCTURE = re.compile(r"\\(?:frac|dfrac|tfrac|sqrt|sum|prod|int|oint|left|begin|overline|hat|tilde|vec|bar|lim|underset|overset)\b|[_^]")
CAPTION_LINE = re.compile(r"^\s*(?:Рис(?:унок|\.)|Fig(?:ure|\.)|Таблица|Табл\.|Table|Сурет|Кесте)\s*\d", re.M)


# ---- counting in a DOCX ----------------------------------------------------------------------


# A SEQ field numbering equations (Word's `SEQ Equation`, `SEQ Формула`, MathType's `SEQ MTEqn`)
# is an equation's number, not a caption.
EQUATION_SEQ = re.compile(r"\bSEQ\s+(?:Equation|Eq|Формула|Уравнение|Теңдеу|MT\w+)\b", re.IGNORECASE)


def _media(z: zipfile.ZipFile) -> dict[str, bytes]:
    """The document part's relationship ids → the bytes of the media part they name."""
    from lxml import etree

    try:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    except KeyError:
        return {}
    out = {}
    for rel in rels:
        target = rel.get("Target", "")
        name = "word/" + target if not target.startswith("/") else target.lstrip("/")
        if rel.get("TargetMode") != "External" and name in z.namelist():
            out[rel.get("Id")] = z.read(name)
    return out


def _shown_pictures(root) -> int:
    """Pictures Word shows: DrawingML pictures and VML image data, except those inside the code of
    a field that has a result (between its `begin` and `separate` marks: a QUOTE field's copy,
    which Word shows as the field's result); a field with no result part shows its code's."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    picture_tags = {"{http://schemas.openxmlformats.org/drawingml/2006/picture}pic", "{urn:schemas-microsoft-com:vml}imagedata"}
    fields: list[list] = []  # per open field: [in its code?, pictures held in its code]
    count = 0
    for element in root.iter():
        if element.tag == w + "fldChar":
            kind = element.get(w + "fldCharType")
            if kind == "begin":
                fields.append([True, 0])
            elif kind == "separate" and fields:
                fields[-1][0] = False
            elif kind == "end" and fields:
                in_code, held = fields.pop()
                if in_code:  # no result part: the code's pictures are what shows
                    count += held
        elif element.tag in picture_tags:
            coded = [f for f in fields if f[0]]
            if coded:
                coded[-1][1] += 1
            else:
                count += 1
    return count


def equation_previews(data: bytes) -> dict[str, str]:
    """SHA-1 → part name of the preview pictures of a Word file's equation objects (Equation 3.0, MathType)."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(huge_tree=True, resolve_entities=False))
        media = _media(z)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "v": "urn:schemas-microsoft-com:vml", "o": "urn:schemas-microsoft-com:office:office",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    names = {rel.get("Id"): rel.get("Target", "") for rel in _rels(data)}
    found = {}
    for obj in root.xpath("//w:object[o:OLEObject[starts-with(@ProgID, 'Equation') or contains(@ProgID, 'MathType')]]", namespaces=ns):
        for rid in obj.xpath(".//v:imagedata/@r:id", namespaces=ns):
            if rid in media:
                found[hashlib.sha1(media[rid]).hexdigest()] = Path(names.get(rid, "")).name
    return found


def _rels(data: bytes):
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        try:
            return list(etree.fromstring(z.read("word/_rels/document.xml.rels")))
        except KeyError:
            return []


def docx_counts(data: bytes, previews: set[str] = frozenset()) -> dict[str, int]:
    """Counts in a Word file; `previews` (from its source): pictures with those bytes are the
    pictures of equation objects, which count as equations shown."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(huge_tree=True, resolve_entities=False))
        media = _media(z)
    ns = {
        "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "v": "urn:schemas-microsoft-com:vml",
        "o": "urn:schemas-microsoft-com:office:office",
    }
    pictures = _shown_pictures(root)
    maths = root.xpath("//m:oMath[not(ancestor::m:oMath)]", namespaces=ns)
    texts = ["".join(m.xpath(".//m:t/text()", namespaces=ns)) for m in maths]
    placeholders = sum(PLACEHOLDER in t for t in texts) + sum(PLACEHOLDER in t for t in root.xpath("//w:t/text()", namespaces=ns))
    omath = sum(PLACEHOLDER not in t for t in texts)
    structure = " | ".join(f".//m:{name}" for name in OMML_STRUCTURE)
    structured = sum(1 for m, t in zip(maths, texts) if PLACEHOLDER not in t and m.xpath(structure, namespaces=ns))
    ole = len(root.xpath("//o:OLEObject[starts-with(@ProgID, 'Equation') or contains(@ProgID, 'MathType')]", namespaces=ns))
    # an edition of the paper: the equation objects' pictures it carries (by their bytes)
    embeds = root.xpath("//pic:pic//a:blip/@r:embed | //v:imagedata/@r:id", namespaces={**ns, "a": "http://schemas.openxmlformats.org/drawingml/2006/main", "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"})
    shown = sum(1 for rid in embeds if rid in media and hashlib.sha1(media[rid]).hexdigest() in previews) if not ole else 0
    spans = [int(v) for v in root.xpath("//w:gridSpan/@w:val", namespaces=ns) if v.isdigit()]
    merged = sum(1 for v in spans if v > 1) + len(root.xpath("//w:vMerge[@w:val='restart']", namespaces=ns))
    captions = 0
    for p in root.xpath("//w:p", namespaces=ns):
        style = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=ns).lower()
        instr = " ".join(p.xpath(".//w:instrText/text()", namespaces=ns)) + " ".join(p.xpath(".//w:fldSimple/@w:instr", namespaces=ns))
        text = "".join(p.xpath(".//w:t/text()", namespaces=ns))
        if EQUATION_SEQ.search(instr):
            continue
        if "caption" in style or "подпись" in style or re.search(r"\bSEQ\b", instr) or CAPTION_LINE.match(text):
            captions += 1
    return {"pictures": pictures, "equations": omath + ole + shown, "structured": structured + ole + shown, "placeholders": placeholders, "merged": merged, "captions": captions}


# ---- counting in LaTeX -----------------------------------------------------------------------

_MATH = re.compile(r"(?<!\\)\$(?!\$)(?:[^$\\]|\\.)+?\$|\\\((?s:.+?)\\\)|\\\[(?s:.+?)\\\]|\\begin\{(equation|align|gather|multline|displaymath|math)\*?\}")


def latex_counts(tex: str, preview_names: set[str] = frozenset()) -> dict[str, int]:
    """Counts in a .tex; a picture of an equation object counts as an equation shown: exporter
    names it `formulaN`, pandoc keeps the source's media name (`preview_names`)."""
    tex = re.sub(r"(?<!\\)%.*", "", tex)
    graphics = re.findall(r"\\includegraphics(?:\[[^\]]*\])?\{([^}]*)\}", tex)
    shown = sum(1 for g in graphics if Path(g).name.startswith("formula") or Path(g).name in preview_names)
    multicolumn = sum(1 for n in re.findall(r"\\multicolumn\{(\d+)\}", tex) if int(n) > 1)
    maths = [m.group(0) if not m.group(0).startswith("\\begin") else tex[m.start():tex.find("\\end{" + m.group(1), m.end())] for m in _MATH.finditer(tex)]
    # a formula picture set as a display (`equation` around `\\includegraphics{…/formulaN}`) counts once, as the picture
    real = [m for m in maths if PLACEHOLDER not in m and "\\includegraphics" not in m]
    return {
        "pictures": len(re.findall(r"\\includegraphics", tex)),
        "equations": len(real) + shown,
        "structured": sum(1 for m in real if TEX_STRUCTURE.search(m.replace("\\_", ""))) + shown,
        "placeholders": tex.count(PLACEHOLDER),
        "merged": multicolumn + len(re.findall(r"\\multirow", tex)),
        "captions": len(re.findall(r"\\caption\*?(?:\[[^\]]*\])?\{", tex)) + sum(1 for para in re.split(r"\n\s*\n", tex) if CAPTION_LINE.match(para)),
    }


# ---- counting in a PDF -----------------------------------------------------------------------


def pdf_counts(data: bytes) -> dict[str, int | None]:
    from pypdf import PdfReader

    placeholder_alt = ("\ufeff" + PLACEHOLDER).encode("utf-16-be").hex().upper()
    reader = PdfReader(io.BytesIO(data))
    pictures = equations = placeholders = 0
    for page in reader.pages:
        xobjects = {str(k): v.get_object() for k, v in (page["/Resources"].get("/XObject") or {}).items()}
        content = page.get_contents()
        stream = content.get_data().decode("latin-1") if content is not None else ""
        for name in re.findall(r"(/[^\s/\[\]<>()]+)\s+Do\b", stream):
            x = xobjects.get(name)
            if x is None:
                continue
            if x.get("/Subtype") == "/Image" or name.startswith("/FormXob.pic_"):
                pictures += 1
        for alt in re.findall(r"/Formula <</Alt <([0-9A-F]*)>>> BDC", stream):
            if alt == placeholder_alt:
                placeholders += 1
            else:
                equations += 1
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True, text=True, timeout=120).stdout
    placeholders += text.count(PLACEHOLDER)
    return {"pictures": pictures, "equations": equations, "structured": None, "placeholders": placeholders, "merged": None, "captions": len(CAPTION_LINE.findall(text))}


# ---- sizes -----------------------------------------------------------------------------------

IMAGE_REL = "/relationships/image"
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")


def size_budget(data: bytes) -> tuple[int, int]:
    """(pictures, text) bytes of a Word file: the distinct image parts its document shows, as it
    stores them, and the UTF-8 bytes of its text (body, footnotes, endnotes, equations)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"), parser)
        shown = {v for e in root.iter() for k, v in e.attrib.items() if k in (f"{{{r}}}embed", f"{{{r}}}id", f"{{{r}}}link")}
        pictures = {}
        for rel in _rels(data):
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else "word/" + target
            if rel.get("Id") in shown and rel.get("Type", "").endswith(IMAGE_REL) and rel.get("TargetMode") != "External" and name in z.namelist():
                part = z.read(name)
                pictures[hashlib.sha1(part).digest()] = len(part)
        text = 0
        for name in TEXT_PARTS:
            if name in z.namelist():
                part = etree.fromstring(z.read(name), parser)
                text += sum(len((t.text or "").encode("utf-8")) for t in part.iter(w + "t", m + "t"))
    return sum(pictures.values()), text


def pdf_font_bytes(data: bytes) -> int:
    """Bytes of the font programs a PDF embeds, as stored."""
    import pikepdf

    def is_font_program(o) -> bool:  # FontFile (Type 1), FontFile2 (TrueType), FontFile3 (CFF, OpenType)
        return any(k in o for k in ("/Length1", "/Length2", "/Length3")) or o.get("/Subtype") in ("/Type1C", "/CIDFontType0C", "/OpenType")

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return sum(len(o.read_raw_bytes()) for o in pdf.objects if isinstance(o, pikepdf.Stream) and is_font_program(o))


# What a PDF viewer draws a TrueType subset from: its outlines, their places, the metrics and the
# character map (a simple TrueType font's codes); exporter embeds only these (media/pdfsize.py).
# The floor of embedding is the outlines alone: the `glyf` table, deflated.
GLYPH_TABLES = ("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap")


def _deflated(data: bytes) -> int:
    """Bytes of `data` deflated as exporter deflates a PDF's streams (media.pdfsize.RECOMPRESS_LEVEL)."""
    import deflate

    from exporter.media.pdfsize import RECOMPRESS_LEVEL

    return len(deflate.zlib_compress(data, RECOMPRESS_LEVEL))


def cff_program(program: bytes) -> bytes:
    """The TrueType `program` as CFF-flavoured OpenType (what a PDF 1.6 `FontFile3`/`OpenType`
    embeds): each quadratic raised to its exact cubic (fontTools' T2CharStringPen, coordinates
    rounded to font units), the same tables but `glyf`/`loca` for `CFF `."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(program), recalcTimestamp=False)
    glyphs, metrics = font.getGlyphSet(), font["hmtx"]
    charstrings = {}
    for name in font.getGlyphOrder():
        pen = T2CharStringPen(metrics[name][0], glyphs)
        glyphs[name].draw(pen)
        charstrings[name] = pen.getCharString()
    del font["glyf"], font["loca"]
    builder = FontBuilder(font=font)
    builder.isTTF = False
    builder.setupCFF("Subset", {"FullName": "Subset"}, charstrings, {})
    font.sfntVersion = "OTTO"
    font["maxp"].tableVersion = 0x5000
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def subroutinised(otf: bytes) -> bytes | None:
    """`otf` with its CFF subroutinised by cffsubr (AFDKO's tx), or None where cffsubr is not
    installed (it is no dependency of exporter: `pip install cffsubr` to measure it)."""
    try:
        import cffsubr
    except ImportError:
        return None
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(otf), recalcTimestamp=False)
    cffsubr.subroutinize(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def pdf_content_bytes(data: bytes) -> int:
    """Bytes of the PDF's page content streams as stored (its text and drawing operators)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        streams = {}
        for page in pdf.pages:
            contents = page.obj.get("/Contents")
            for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
                streams[stream.objgen] = len(stream.read_raw_bytes())
    return sum(streams.values())


def pdf_font_programs(data: bytes) -> list[dict]:
    """Each font program the PDF embeds (TrueType `FontFile2`): its name, glyphs, tables, bytes as
    stored; its outlines alone (`glyf`) and the same font as CFF OpenType, plain and
    subroutinised (None without cffsubr), each deflated as the PDF's streams are."""
    import pikepdf
    from fontTools.ttLib import TTFont

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for o in pdf.objects:
            if not (isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor" and "/FontFile2" in o):
                continue
            stream = o["/FontFile2"]
            program = stream.read_bytes()
            font = TTFont(io.BytesIO(program), lazy=False)
            cff = cff_program(program)
            subr = subroutinised(cff)
            found.append({"name": str(o.get("/FontName")), "glyphs": font["maxp"].numGlyphs, "tables": sorted(font.reader.keys()),
                          "stored": len(stream.read_raw_bytes()), "glyf": _deflated(font.reader["glyf"]),
                          "cff": _deflated(cff), "cff subr": None if subr is None else _deflated(subr)})
    return found


def folder_bytes(tex: Path, media: Path | None) -> int:
    return tex.stat().st_size + (sum(f.stat().st_size for f in media.rglob("*") if f.is_file()) if media is not None and media.is_dir() else 0)


# ---- the editions ----------------------------------------------------------------------------


def exporter_editions(source: Path, out: Path, previews: dict[str, str]) -> dict[str, dict]:
    from exporter.build import build_one
    from exporter.venue import Template

    results: dict[str, dict] = {}
    start = time.perf_counter()
    try:
        built = build_one(str(source), None, Template.load("kz-conference"), ["docx", "pdf", "latex", "zip"], out)
    except Exception as exc:  # a failure is a result here
        return {name: {"error": f"{type(exc).__name__}: {exc}"[:80]} for name in ("docx", "pdf", "latex")} | {"seconds": time.perf_counter() - start}
    seconds = time.perf_counter() - start
    files = {p.suffix: p for p in built.files if p.is_file()}
    for name, suffix, count in (("docx", ".docx", lambda p: docx_counts(p.read_bytes(), set(previews))), ("pdf", ".pdf", lambda p: pdf_counts(p.read_bytes())), ("latex", ".tex", lambda p: latex_counts(p.read_text(encoding="utf-8")))):
        try:
            results[name] = count(files[suffix])
        except Exception as exc:
            results[name] = {"error": f"{type(exc).__name__}: {exc}"[:80]}
    results["seconds"] = seconds
    tex = files.get(".tex")
    results["sizes"] = {
        "docx": files[".docx"].stat().st_size if ".docx" in files else None,
        "pdf": files[".pdf"].stat().st_size if ".pdf" in files else None,
        "latex": folder_bytes(tex, tex.with_suffix(".media")) if tex is not None else None,
        "zip": files[".zip"].stat().st_size if ".zip" in files else None,
    }
    results["pdf fonts"] = pdf_font_bytes(files[".pdf"].read_bytes()) if ".pdf" in files else None
    results["pdf font programs"] = pdf_font_programs(files[".pdf"].read_bytes()) if ".pdf" in files else []
    results["pdf contents"] = pdf_content_bytes(files[".pdf"].read_bytes()) if ".pdf" in files else None
    return results


def pandoc_editions(source: Path, out: Path, previews: dict[str, str]) -> dict[str, dict]:
    results: dict[str, dict] = {"sizes": {}}
    for name, target in (("docx", "docx"), ("latex", "latex")):
        output = out / f"pandoc.{'docx' if name == 'docx' else 'tex'}"
        run = subprocess.run(["pandoc", "-f", "docx", "-t", target, "--extract-media", str(out / "pandoc-media"), str(source), "-o", str(output)], capture_output=True, timeout=300)
        if run.returncode != 0:
            results[name] = {"error": run.stderr.decode(errors="replace")[:80]}
            continue
        results[name] = docx_counts(output.read_bytes(), set(previews)) if name == "docx" else latex_counts(output.read_text(encoding="utf-8"), set(previews.values()))
        results["sizes"][name] = output.stat().st_size if name == "docx" else folder_bytes(output, out / "pandoc-media")
    return results


# ---- the table -------------------------------------------------------------------------------


def cell(found, source: int) -> str:
    if found is None:
        return "—"
    if source == 0:
        return f"{found}"
    return f"{found} ({100 * found / source:.0f} %)"


SIZE_COLUMNS = ("docx", "pdf", "latex", "zip", "pandoc docx", "pandoc latex")


def size_table(sizes: list) -> list[str]:
    """Each edition's size as a multiple of the source's pictures plus its text, per paper and in all."""
    def ratio(size, budget):
        return "err" if size is None else f"{size / budget:.2f}"

    lines = [
        "",
        "## Sizes: each edition against the pictures it carries plus its text",
        "",
        "× = the edition's bytes ÷ (the source's pictures as it stores them + its text in UTF-8); see the",
        "script's docstring. LaTeX = the `.tex` and its media folder; zip = `build --to zip` (the `.tex`, media,",
        "`.bib`, the venue's files); PDF fonts = the font programs the PDF embeds (a cost no content pays for).",
        "",
        "| paper | pictures KB | text KB | " + " | ".join(f"{c} ×" for c in SIZE_COLUMNS) + " | PDF fonts KB |",
        "|---|---|---|" + "---|" * (len(SIZE_COLUMNS) + 1),
    ]
    total_budget, totals = 0, dict.fromkeys(SIZE_COLUMNS, 0)
    for stem, (pictures, text), found, fonts in sizes:
        budget = pictures + text
        total_budget += budget
        for col in SIZE_COLUMNS:
            totals[col] = None if found.get(col) is None or totals[col] is None else totals[col] + found[col]
        lines.append(f"| {stem} | {pictures / 1024:.0f} | {text / 1024:.0f} | " + " | ".join(ratio(found.get(c), budget) for c in SIZE_COLUMNS) + f" | {'—' if fonts is None else f'{fonts / 1024:.0f}'} |")
    empty = empty_editions()
    worst = {c: max((found[c] / (p + t) for _, (p, t), found, _ in sizes if found.get(c) is not None), default=0.0) for c in SIZE_COLUMNS}
    lines.append("| all papers | " + f"{sum(p for _, (p, _), _, _ in sizes) / 1024:.0f} | {sum(t for _, (_, t), _, _ in sizes) / 1024:.0f} | " + " | ".join(ratio(totals[c], total_budget) for c in SIZE_COLUMNS) + " | |")
    lines.append("| worst paper | | | " + " | ".join(f"{worst[c]:.2f}" for c in SIZE_COLUMNS) + " | |")
    lines += [
        "",
        "What no content pays for: the edition of a paper holding only the one-word title \"Title\" (same venue) is "
        + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in empty.items())
        + ". On a short paper with no pictures these fixed bytes outweigh its text (ru_zhilyakov_tracking: 8 KB of",
        "text); the PDF's embedded font subsets grow with the letters a paper uses, not with its length.",
        "PDF × without its fonts: " + ", ".join(f"{stem} {(found['pdf'] - fonts) / (p + t):.2f}" for stem, (p, t), found, fonts in sizes if found.get("pdf") is not None and fonts is not None) + ".",
    ]
    return lines


def font_floor(sizes: list, programs: dict[str, list[dict]], contents: dict[str, int | None]) -> list[str]:
    """The PDF's font programs of each paper over 1.3×: what they cost, their outlines alone
    (the floor of embedding them), and the CFF OpenType alternative, measured."""
    lines = ["", "The PDF's embedded fonts of the papers over 1.3× (TrueType `FontFile2` of only " + ", ".join(f"`{t}`" for t in GLYPH_TABLES)
             + ", as stored; glyf = the outlines alone, deflated: the floor of embedding them; CFF = the same subset as CFF OpenType "
             "(`FontFile3`/`OpenType`, quadratics raised to their exact cubics), plain / subroutinised by cffsubr; all deflated as the PDF's streams are):", ""]
    over = [f"{stem} {found['pdf'] / (p + t):.2f}×" for stem, (p, t), found, _ in sizes if found.get("pdf") is not None and found["pdf"] / (p + t) > 1.3]
    lines += ["PDF editions over 1.3×: " + (", ".join(over) if over else "none") + ".", ""]
    every = [f for found in programs.values() for f in found]
    if every:
        subr = "—" if any(f["cff subr"] is None for f in every) else f"{sum(f['cff subr'] for f in every) / 1024:.1f} KB"
        lines += [f"All {len(programs)} papers' PDF fonts ({len(every)} subsets): TrueType {sum(f['stored'] for f in every) / 1024:.1f} KB as embedded; "
                  f"as CFF OpenType {sum(f['cff'] for f in every) / 1024:.1f} KB, subroutinised {subr}; outlines alone (glyf) {sum(f['glyf'] for f in every) / 1024:.1f} KB. "
                  "CFF is larger: these fonts were drawn in quadratics, and each quadratic becomes a cubic of its own (deflate already finds "
                  "what subroutines would share), so the subsets stay TrueType.", ""]
    for stem, (pictures, text), found, fonts in sizes:
        budget = pictures + text
        if found.get("pdf") is None or fonts is None or found["pdf"] / budget <= 1.3:
            continue
        fonts_here = programs.get(stem, [])
        rest = found["pdf"] - sum(f["stored"] for f in fonts_here)
        outlines = sum(f["glyf"] for f in fonts_here)
        lines.append(f"- {stem}: PDF {found['pdf'] / 1024:.1f} KB = {found['pdf'] / budget:.2f}×; 1.3× is {1.3 * budget / 1024:.1f} KB. "
                     f"Without its fonts it is {rest / 1024:.1f} KB ({rest / budget:.2f}×), so 1.3× leaves {(1.3 * budget - rest) / 1024:.1f} KB "
                     f"for {sum(f['glyphs'] for f in fonts_here)} glyphs; their outlines alone are {outlines / 1024:.1f} KB: "
                     f"with the fonts embedded the floor is {(rest + outlines) / 1024:.1f} KB = {(rest + outlines) / budget:.2f}×"
                     + ("." if contents.get(stem) is None else
                        f"; the outlines and the pages' content streams ({contents[stem] / 1024:.1f} KB) alone are "
                        f"{(outlines + contents[stem]) / budget:.2f}×."))
        for f in fonts_here:
            subr = "—" if f["cff subr"] is None else f"{f['cff subr'] / 1024:.1f}"
            lines.append(f"  - {f['name']}: {f['glyphs']} glyphs, {f['stored'] / 1024:.1f} KB stored, glyf {f['glyf'] / 1024:.1f} KB; "
                         f"CFF {f['cff'] / 1024:.1f} / {subr} KB; tables {' '.join(f['tables'])}")
    return lines


def empty_editions() -> dict[str, int]:
    """Bytes of each exporter edition of a paper with a one-word title and nothing else."""
    from exporter.linker import Linked
    from exporter.model import Document, Meta, Text
    from exporter.venue import Template
    from exporter.writers import Edition, writer
    from exporter.writers.latex import companions

    doc = Document("empty.docx", Meta(title=(Text("Title"),), language="en"), ())
    out = {}
    for name in ("docx", "pdf", "latex", "zip"):
        edition = Edition(Linked(doc, ()), Template.load("kz-conference"))
        data = writer(name).render(edition)
        out[name] = len(data) + (sum(len(b) for files in companions(edition).values() for b in files.values()) if name == "latex" else 0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(BENCH / "FIDELITY.md"))
    args = parser.parse_args()
    corpus = corpus_dir()
    if corpus is None:
        sys.exit("bench/fidelity.py: the corpus is not on this machine (set EXPORTER_CORPUS)")
    papers = sorted((corpus / "docx").glob("*.docx"))
    totals: dict[str, dict[str, int | None]] = {col: {k: 0 for k in KINDS} for col in ("source", "docx", "pdf", "latex", "pandoc docx", "pandoc latex")}
    rows, errors, times, sizes, programs, contents = [], [], [], [], {}, {}
    for paper in papers:
        budget = size_budget(paper.read_bytes())
        source = docx_counts(paper.read_bytes())
        previews = equation_previews(paper.read_bytes())
        with tempfile.TemporaryDirectory() as tmp:
            ours = exporter_editions(paper, Path(tmp), previews)
            theirs = pandoc_editions(paper, Path(tmp), previews)
        times.append((paper.stem, ours.get("seconds", 0.0)))
        sizes.append((paper.stem, budget, {**ours.get("sizes", {}), **{f"pandoc {k}": v for k, v in theirs["sizes"].items()}}, ours.get("pdf fonts")))
        programs[paper.stem] = ours.get("pdf font programs", [])
        contents[paper.stem] = ours.get("pdf contents")
        columns = {"source": source, "docx": ours["docx"], "pdf": ours["pdf"], "latex": ours["latex"], "pandoc docx": theirs["docx"], "pandoc latex": theirs["latex"]}
        for col, counts in columns.items():
            if "error" in counts:
                errors.append(f"{paper.stem}, {col}: {counts['error']}")
                continue
            for kind in KINDS:
                value = counts.get(kind)
                totals[col][kind] = None if value is None or totals[col][kind] is None else totals[col][kind] + value
        rows.append((paper.stem, columns))
    lines = [
        "# Fidelity: what the authors placed, in each edition",
        "",
        f"Written by `bench/fidelity.py` on the {len(papers)} Word papers of the corpus; counts read from the files (see the script's docstring for what is counted where).",
        "exporter builds with the `kz-conference` venue; pandoc 2.17 converts the same sources (`-f docx -t docx`, `-t latex`).",
        "",
        "A count says an element is there, not that it is right: an equation counts once it is a formula object",
        "(`m:oMath`, a typeset form, a math environment), whatever TeX the reader gave it, or once an equation",
        "object's preview picture is shown (the only form those objects have: no maintained MTEF converter exists).",
        "Whether the TeX is right is measured against pandoc's in bench/OMML.md.",
        "A formula pasted as a picture and numbered (`(3)` after it, alone in its paragraph: ru_dimitrov's (1)-(3)) is a formula",
        "in exporter's model, marked so in its PDF and named `formulaN` beside its .tex; the sources' count, which reads formula",
        "objects only, does not hold it: that is the PDF's and the LaTeX's 3 equations over 100 %.",
        "",
        "| element (count in the sources) | exporter DOCX | exporter PDF | exporter LaTeX | pandoc DOCX | pandoc LaTeX |",
        "|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        total = totals["source"][kind] or 0
        lines.append(f"| {TITLES[kind]} ({total}) | " + " | ".join(cell(totals[col][kind], total) for col in ("docx", "pdf", "latex", "pandoc docx", "pandoc latex")) + " |")
    lines += ["", "Per paper (source / exporter DOCX / PDF / LaTeX / pandoc DOCX / pandoc LaTeX):", "", "| paper | " + " | ".join(KINDS) + " | build s |", "|---|" + "---|" * (len(KINDS) + 1)]
    for stem, columns in rows:
        parts = []
        for kind in KINDS:
            parts.append(" / ".join("err" if "error" in columns[col] else ("—" if columns[col].get(kind) is None else str(columns[col][kind])) for col in ("source", "docx", "pdf", "latex", "pandoc docx", "pandoc latex")))
        lines.append(f"| {stem} | " + " | ".join(parts) + f" | {dict(times)[stem]:.2f} |")
    lines += ["", "build s: wall time of exporter's three editions in this process (no fork), on a shared machine."]
    lines += size_table(sizes)
    lines += font_floor(sizes, programs, contents)
    if errors:
        lines += ["", "Failures:", ""] + [f"- {e}" for e in errors]
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(text)


if __name__ == "__main__":
    main()
