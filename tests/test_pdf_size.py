"""The PDF edition's bytes: nothing left in a temporary folder, and every edition of a paper
no larger than 1.3 × the pictures it carries plus its text (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_inline_drawings_leave_nothing_in_the_temporary_folder(tmp_path):
    """Inline formulas and pictures stand behind in-memory placeholders: a render in a fresh
    process (as a server's worker is) writes nothing to its TMPDIR, even before it exits."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    code = (
        "import os, sys; sys.path.insert(0, %r)\n"
        "from media_samples import media_edition\n"
        "from test_writer_media import pdf_formulas\n"
        "from exporter.writers import pdf\n"
        "data = pdf.render(media_edition())\n"
        "assert 'p(x_{k}|z_{1:k})' in pdf_formulas(data), 'the inline formula drawn'\n"
        "print(sorted(os.listdir(%r)))\n"
    ) % (str(ROOT / "tests"), str(scratch))
    env = {**os.environ, "TMPDIR": str(scratch)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"
    assert list(scratch.iterdir()) == []


def test_only_data_uris_are_trusted():
    """The setting that lets a placeholder be a data: URI trusts no other scheme: reportlab still
    refuses to fetch a URL."""
    import pytest
    from reportlab.lib.utils import ImageReader

    from exporter.writers import pdf_media

    assert pdf_media._placeholder("k").startswith("data:image/png;base64,")
    assert ImageReader(pdf_media._placeholder("k")).getSize() == (1, 1)
    for url in ("http://localhost/x.png", "https://example.org/x.png", "file:///etc/hostname"):
        with pytest.raises(Exception):
            ImageReader(url).getSize()


def _font_programs(pdf: bytes) -> list[bytes]:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [o.read_bytes() for o in doc.objects if isinstance(o, pikepdf.Stream) and "/Length1" in o]


def test_embedded_subsets_carry_no_hinting():
    """Every TrueType subset the edition embeds (the text faces' and the math font's) keeps its
    outlines, metrics and character map and nothing else: no hinting bytecode, no `name`,
    `OS/2` or `post`. reportlab (5.1) still makes each subset through `TTFontFace.makeSubset`,
    which media.pdfsize overrides; an upgrade that bypasses it fails here."""
    import inspect
    import io

    from fontTools.ttLib import TTFont
    from reportlab.pdfbase.ttfonts import TTFontFace

    from exporter.writers import pdf
    from media_samples import media_edition

    assert "self.makeSubset(subset)" in inspect.getsource(TTFontFace.addSubsetObjects)
    programs = _font_programs(pdf.render(media_edition()))
    assert programs
    assert len(programs) >= 2  # the body face and the math font at least
    for program in programs:
        font = TTFont(io.BytesIO(program))
        assert sorted(font.reader.keys()) == ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"]
        glyf = font["glyf"]
        assert all(not getattr(glyf[name], "program", None) or not glyf[name].program.getBytecode() for name in glyf.keys())
        assert len(font["cmap"].tables[0].cmap) > 3  # the character map stays
        assert font["maxp"].numGlyphs == len(font["hmtx"].metrics) == len(glyf.keys())


def test_unhinted_keeps_every_outline():
    """The subset without hinting draws the same outlines: same glyphs, same points."""
    import io

    from fontTools.ttLib import TTFont

    from exporter.fonts import find_font
    from exporter.media.pdfsize import unhinted

    path = find_font("LiberationSerif-Regular.ttf")
    original = path.read_bytes()
    slim = unhinted(original)
    assert len(slim) < len(original) * 0.8
    before, after = TTFont(io.BytesIO(original)), TTFont(io.BytesIO(slim))
    assert "post" not in after and len(before.getGlyphOrder()) == len(after.getGlyphOrder())
    # without `post` the glyphs have no names: the same glyph is the one at the same index,
    # and the character map still leads each character to it
    cmap_before, cmap_after = before.getBestCmap(), after.getBestCmap()
    for char in "AaЖж∑":
        name = cmap_before.get(ord(char))
        if name is None:
            continue
        index = before.getGlyphID(name)
        assert after.getGlyphID(cmap_after[ord(char)]) == index
        g1, g2 = before["glyf"][name], after["glyf"][after.getGlyphName(index)]
        assert g1.getCoordinates(before["glyf"])[0] == g2.getCoordinates(after["glyf"])[0]
        assert before["hmtx"][name] == after["hmtx"][after.getGlyphName(index)]
    assert unhinted(b"not a font") == b"not a font"


def test_math_font_holds_each_outline_where_the_formula_drew_it(monkeypatch):
    """Every end point of every outline ziamath drew (points, y down) is a point of the font's
    glyph (font units, y up, 1000 units = 12 pt); the same outlines give the same bytes."""
    from exporter.media import mathfont
    from exporter.media.formulas import typeset
    from media_samples import FORMULAS

    outlines = {}
    for tex in FORMULAS:
        outlines.update((g.key, g.ops) for g in typeset(tex, display=True).glyphs)
    pairs = tuple(sorted(outlines.items()))
    monkeypatch.setenv("EXPORTER_CACHE_DIR", "")  # built twice, not read back from the cache
    mathfont.math_font.cache_clear()
    font = mathfont.math_font(pairs)
    mathfont.math_font.cache_clear()
    assert mathfont.math_font(pairs).data == font.data  # deterministic

    import io

    from fontTools.ttLib import TTFont

    ttf = TTFont(io.BytesIO(font.data))
    cmap, glyf = ttf.getBestCmap(), ttf["glyf"]
    assert len(cmap) == len(set(font.chars.values())) < len(outlines)  # copies of a glyph stored once (test_mathfont)
    near = 1 + mathfont.SAME_WITHIN * 1000 / 12  # font units: the rounding, and how far a copy may lie
    for key, ops in outlines.items():
        glyph = glyf[cmap[ord(font.chars[key])]]
        scale = font.scales[key]  # the glyph drawn at this scale is the outline
        points = {(x * scale, y * scale) for x, y in glyph.getCoordinates(glyf)[0]}
        for op in ops:
            if op[0] != "Z":
                x, y = op[-2] * 1000 / 12, -op[-1] * 1000 / 12
                assert any(abs(x - px) <= near and abs(y - py) <= near for px, py in points), (key, op)


def test_formula_glyphs_are_no_text(tmp_path):
    """The math font's characters stand for no text: neither poppler nor pdfium extracts a
    Private Use character from a page of formulas."""
    import pypdfium2

    from exporter.writers import pdf
    from media_samples import media_edition

    path = tmp_path / "m.pdf"
    path.write_bytes(pdf.render(media_edition()))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    document = pypdfium2.PdfDocument(str(path))
    text += "".join(page.get_textpage().get_text_range() for page in document)
    assert "Рисунок" in text or "Таблица" in text  # the text is there
    assert not [ch for ch in text if 0xE000 <= ord(ch) <= 0xF8FF]


# ---- every edition within 1.3 × what it carries ------------------------------------------------

SIZE_LIMIT = 1.3  # issue 15: no edition more than 1.3 × the pictures it carries plus its text
WORDS = (
    "Фильтр частиц оценивает апостериорную плотность состояния объекта по набору взвешенных частиц, "
    "каждая из которых представляет гипотезу о положении и скорости объекта на текущем кадре. "
    "The particle filter approximates the posterior density of the state with weighted samples. "
)


def _photo_jpeg() -> bytes:
    """A fixed 480 × 320 photograph-like JPEG (seeded noise over gradients: it does not shrink to nothing)."""
    import io
    import random

    from PIL import Image as PILImage

    rng = random.Random(15)
    width, height = 480, 320
    pixels = bytearray()
    for y in range(height):
        for x in range(width):
            n = rng.randrange(48)
            pixels += bytes(((x * 255 // width + n) % 256, (y * 255 // height + n) % 256, (128 + n) % 256))
    out = io.BytesIO()
    PILImage.frombytes("RGB", (width, height), bytes(pixels)).save(out, "JPEG", quality=85)
    return out.getvalue()


def _small_paper():
    """A short paper: five paragraphs, a JPEG figure, three numbered display formulas, two inline ones."""
    from exporter.model import Document, Figure, Heading, Image, Math, Meta, Paragraph, Span, Text
    from media_samples import ENTRY, FORMULAS

    def span(n):
        return Span(n, 1, n, 2)

    photo = Image(_photo_jpeg(), "image/jpeg", width=360, height=240, alt="photo", name="media/photo.jpeg")
    blocks = [Heading(1, (Text("Введение"),), span(1))]
    for n in range(5):
        inlines = (Text(WORDS * 3), Math(r"x_{k} = f_{k}(x_{k - 1},\ v_{k - 1})"), Text(WORDS)) if n % 2 else (Text(WORDS * 4),)
        blocks.append(Paragraph(inlines, span(n + 2)))
        if n < 3:
            blocks.append(Paragraph((Math(FORMULAS[n], display=True, number=str(n + 1)),), span(n + 2)))
    blocks.insert(3, Figure((photo,), (Text("Рисунок 1 – Траектория объекта"),), span(9), number="1"))
    meta = Meta(title=(Text("Фильтр частиц для сопровождения объектов"),), authors=("А. Автор",), language="ru")
    return Document("small.docx", meta, tuple(blocks), references=(ENTRY,)), photo


def _text_bytes(doc) -> int:
    """UTF-8 bytes of the paper's text: its blocks (formulas as their TeX), title, authors, entries."""
    from exporter.model import Math, Text, inline_runs, iter_inlines

    total = 0
    for block in doc.blocks:
        for run in inline_runs(block):
            for node in iter_inlines(run):
                total += len((node.text if isinstance(node, Text) else node.tex if isinstance(node, Math) else "").encode("utf-8"))
    total += sum(len(node.text.encode("utf-8")) for node in doc.meta.title if isinstance(node, Text))
    total += sum(len(a.encode("utf-8")) for a in doc.meta.authors)
    return total + sum(len(entry.text.encode("utf-8")) for entry in doc.references)


def test_every_edition_of_a_small_paper_within_its_pictures_plus_text():
    from exporter.linker import Linked
    from exporter.venue import Template
    from exporter.writers import Edition, writer
    from exporter.writers.latex import companions

    doc, photo = _small_paper()
    budget = len(photo.data) + _text_bytes(doc)
    assert 50_000 < len(photo.data) < 200_000 and 5_000 < budget - len(photo.data) < 20_000  # the paper is what it says
    sizes = {}
    for name in ("docx", "pdf", "latex", "zip"):
        edition = Edition(Linked(doc, ()), Template.load("kz-conference"))
        data = writer(name).render(edition)
        sizes[name] = len(data) + (sum(len(b) for files in companions(edition).values() for b in files.values()) if name == "latex" else 0)
    ratios = {name: round(size / budget, 3) for name, size in sizes.items()}
    assert all(r <= SIZE_LIMIT for r in ratios.values()), ratios


def test_the_same_picture_twice_is_one_image_in_the_pdf():
    """A picture placed twice (two figures, and once more in the line) is stored once."""
    import io
    from dataclasses import replace

    import pikepdf

    from exporter.model import Figure, Paragraph, Span, Text
    from exporter.writers import pdf
    from media_samples import media_edition

    doc, photo = _small_paper()
    twice = Figure((photo,), (Text("Рисунок 2 – Снова"),), Span(20, 1, 20, 2), number="2")
    inline = Paragraph((Text("Значок "), replace(photo, width=12, height=8), Text(".")), Span(21, 1, 21, 2))
    data = pdf.render(media_edition(document=replace(doc, blocks=doc.blocks + (twice, inline))))
    with pikepdf.open(io.BytesIO(data)) as document:
        images = [bytes(o.read_raw_bytes()) for o in document.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        drawn = 0
        for page in document.pages:
            names = [str(n) for n, x in (page.Resources.get("/XObject") or {}).items() if x.get("/Subtype") == "/Image"]
            content = b"".join(c.read_bytes() for c in ([page.Contents] if isinstance(page.Contents, pikepdf.Stream) else page.Contents))
            drawn += sum(content.count(f"{n} Do".encode()) for n in names)
    assert images == [photo.data]
    assert drawn == 3  # two figures and the line: three places, one image


def test_bench_size_budget_counts_shown_pictures_once_and_the_text(tmp_path):
    """bench/fidelity.py's measure on a made Word file: a picture shown twice counts once, one
    stored but not shown does not count, text is the UTF-8 of the runs and equations."""
    import io
    import zipfile

    sys.path.insert(0, str(ROOT / "bench"))
    from fidelity import size_budget

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    document = (
        f'<w:document xmlns:w="{w}" xmlns:r="{r}" xmlns:m="{m}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>'
        '<w:p><w:r><w:t>Жук</w:t></w:r><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>'
        '<w:p><w:r><w:drawing><a:blip r:embed="rId1"/></w:drawing></w:r><w:r><w:drawing><a:blip r:embed="rId1"/></w:drawing></w:r></w:p>'
        "</w:body></w:document>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{image}" Target="media/a.png"/><Relationship Id="rId2" Type="{image}" Target="media/b.png"/>'
        "</Relationships>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", rels)
        z.writestr("word/media/a.png", b"A" * 1000)
        z.writestr("word/media/b.png", b"B" * 5000)  # stored, never shown
    assert size_budget(out.getvalue()) == (1000, len("Жук".encode()) + len("x=1"))


def test_subsets_stay_unhinted_when_the_face_was_registered_before_by_another_caller():
    """reportlab maps a second registration of a face to the first font object: when another
    caller of the process (a test, a library, a server's earlier job) registered the body font
    first, the edition must still embed unhinted subsets (tests in one process ran in that order)."""
    code = (
        "import io, sys; sys.path.insert(0, %r)\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from reportlab.pdfbase.ttfonts import TTFont as RL\n"
        "from exporter.venue import Template\n"
        "face = Template.load('kz-conference').fonts.main\n"
        "pdfmetrics.registerFont(RL('SomebodyElsesSerif', str(face.path), subfontIndex=face.index))\n"
        "from media_samples import media_edition\n"
        "from exporter.writers import pdf\n"
        "sys.stdout.buffer.write(pdf.render(media_edition()))\n"
    ) % str(ROOT / "tests")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    import io

    from fontTools.ttLib import TTFont

    programs = _font_programs(run.stdout)
    assert programs
    hinted = [p for p in programs if {"fpgm", "prep", "cvt "} & set(TTFont(io.BytesIO(p)).keys())]
    assert not hinted, f"{len(hinted)} of {len(programs)} subsets keep their hinting"


# ---- content streams written compactly ---------------------------------------------------------


def test_compact_strings_writes_escapes_as_their_bytes():
    """An octal escape in a literal string becomes the byte it stands for; the backslash,
    parentheses, CR and LF keep their escapes (a raw CR or LF would be read as a line feed); an
    escaped backslash before digits is not an octal escape."""
    from exporter.media.pdfsize import compact_strings

    content = rb"BT /F1+0 10 Tf (\001\037A\\\(\)\012\015\050\200\377) Tj (\\101 \101) Tj ET"
    expected = b"BT /F1+0 10 Tf (\x01\x1fA" + rb"\\\(\)\012\015\050" + b"\x80\xff) Tj (" + rb"\\101" + b" A) Tj ET"
    assert compact_strings(content) == expected
    assert compact_strings(b"BT (plain) Tj ET") == b"BT (plain) Tj ET"


def test_compact_strings_leaves_a_stream_with_an_inline_image_alone():
    from exporter.media.pdfsize import compact_strings

    content = b"q BI /W 2 /H 1 /BPC 8 /CS /G ID " + rb"\101\102" + b" EI Q BT (" + rb"\001" + b") Tj ET"
    assert compact_strings(content) == content


def _reportlab_page() -> bytes:
    """A page reportlab writes in an embedded TrueType face: Cyrillic (codes below 32 in the
    subset), parentheses, a backslash, and a drawn rule."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from exporter.fonts import find_font

    if "CompactTestSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("CompactTestSerif", str(find_font("LiberationSerif-Regular.ttf"))))
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont("CompactTestSerif", 11)
    lines = ["Фильтр частиц (particle filter) оценивает плотность \\ состояния", "Ещё строка: ёжик, щука, эхо — 1/0 + 1/10"]
    for n, line in enumerate(lines * 20):
        canvas.drawString(72, 760 - 14 * n, line)
    canvas.line(72, 100, 300, 100)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_packing_keeps_every_operator_and_the_text(tmp_path):
    """The packed page draws with the same operators and operands (strings compared by their
    bytes, as qpdf reads them), extracts the same text, is smaller, and keeps no octal escape but
    those that must stay; packing twice gives the same bytes."""
    import io
    import re

    import pikepdf

    from exporter.media.pdfsize import packed

    data = _reportlab_page()
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert re.search(rb"\\0[0-3][0-7]", doc.pages[0].Contents.read_bytes())  # reportlab escaped codes below 32

    def operators(pdf: bytes):
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            return [(tuple(o.unparse() if isinstance(o, pikepdf.Object) else repr(o) for o in operands), str(op)) for operands, op in pikepdf.parse_content_stream(doc.pages[0])]

    small = packed(data)
    assert len(small) < len(data)
    assert operators(small) == operators(data)
    with pikepdf.open(io.BytesIO(small)) as doc:
        content = doc.pages[0].Contents.read_bytes()
    assert {int(m, 8) for m in re.findall(rb"\\([0-7]{3})", content)} <= {10, 13, 40, 41, 92}
    texts = []
    for name, pdf in (("a.pdf", data), ("b.pdf", small)):
        (tmp_path / name).write_bytes(pdf)
        texts.append(subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / name), "-"], capture_output=True, text=True, check=True).stdout)
    assert texts[0] == texts[1] and "Фильтр частиц (particle filter)" in texts[0] and "\\" in texts[0]
    assert packed(data) == small


def _formula_placements(pdf: bytes, tex: str) -> tuple[list[tuple[float, float, float]], int]:
    """(scale, x, y) of each character of the math font drawn in the formula whose `/Alt` is
    `tex` (the text matrix after each Tm and Td, as a reader computes it), and how many were
    placed by a move (Td)."""
    import io

    import pikepdf

    found, inside, matrix, line, moves = [], False, None, None, 0
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == "BDC" and str(operands[0]) == "/Formula" and str(operands[1].get("/Alt")) == tex and not found:
                    inside = True
                elif inside and op == "Tm":
                    matrix = [float(v) for v in operands]
                    line = matrix[4:]
                elif inside and op == "Td":
                    a, b, c, d = matrix[:4]
                    tx, ty = (float(v) for v in operands)
                    line = [line[0] + tx * a + ty * c, line[1] + tx * b + ty * d]
                    moves += 1
                elif inside and op == "Tj":
                    found.append((matrix[0], *line))
                elif inside and op == "ET":
                    return found, moves
    return found, moves


def test_formula_characters_stand_where_the_formula_was_typeset():
    """Each character of a display and an inline formula is drawn at its outline's place in the
    typeset formula (moves summed as a reader sums them), upright, at scale 1 but for copies
    drawn from a larger outline; and most are placed by a move, not a matrix of their own."""
    from exporter.media.formulas import typeset
    from exporter.writers import pdf
    from media_samples import FORMULAS, media_edition

    data = pdf.render(media_edition())
    for tex, display in ((FORMULAS[0], True), (FORMULAS[2], False)):
        glyphs = typeset(tex, display).glyphs
        placed, moves = _formula_placements(data, tex)
        assert len(placed) == len(glyphs) > 10
        for glyph, (scale, x, y) in zip(glyphs, placed):
            assert 0 < scale <= 1
            assert abs(x - glyph.dx) < 1e-3 and abs(y - glyph.dy) < 1e-3, (tex, glyph, x, y)
        assert moves > len(glyphs) // 2


def test_bench_cff_alternative_draws_the_same_outlines():
    """bench/fidelity.py's CFF OpenType twin of a TrueType subset (the alternative it measures)
    holds the same glyphs with the same bounds (to the rounding of a font unit)."""
    import io

    from fontTools import subset
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    from exporter.fonts import find_font
    from exporter.media.pdfsize import unhinted

    sys.path.insert(0, str(ROOT / "bench"))
    from fidelity import cff_program

    font = TTFont(find_font("LiberationSerif-Regular.ttf"))
    subsetter = subset.Subsetter()
    subsetter.populate(text="AaЖжQ&")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    program = unhinted(out.getvalue())
    ttf, otf = TTFont(io.BytesIO(program)), TTFont(io.BytesIO(cff_program(program)))
    assert "CFF " in otf and "glyf" not in otf and otf.sfntVersion == "OTTO"
    assert ttf.getGlyphOrder() == otf.getGlyphOrder()
    for name in ttf.getGlyphOrder():
        bounds = []
        for f in (ttf, otf):
            pen = BoundsPen(f.getGlyphSet())
            f.getGlyphSet()[name].draw(pen)
            bounds.append(pen.bounds)
        if bounds[0] is None:
            assert bounds[1] is None
            continue
        assert all(abs(a - b) <= 1 for a, b in zip(*bounds)), (name, bounds)
