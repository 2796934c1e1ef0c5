"""The DOCX edition: words, links, flags, styles, fonts, metadata, LibreOffice, determinism.

Every check reads the rendered bytes back (python-docx or the raw OOXML), never the writer's
own bookkeeping.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timezone

import pytest

docx = pytest.importorskip("docx")
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from lxml import etree  # noqa: E402

from exporter.linker import iter_citations  # noqa: E402
from exporter.model import Bibliography, BulletList, Paragraph, Quote, Text, plain_text  # noqa: E402
from exporter.pipeline import read_and_link  # noqa: E402
from exporter.venue import Template  # noqa: E402
from exporter.transforms.bibliography import anchor, citation_pieces  # noqa: E402
from exporter.writers import Edition  # noqa: E402
from exporter.writers.docx import render  # noqa: E402

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# ---- fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_edition() -> Edition:
    return Edition(read_and_link(str(SEED)), Template.load("kz-conference"))


@pytest.fixture(scope="module")
def demo_edition() -> Edition:
    return Edition(read_and_link(str(DEMO), str(DEMO_BIB)), Template.load("kz-conference"))


@pytest.fixture(scope="module")
def seed_bytes(seed_edition) -> bytes:
    return render(seed_edition)


@pytest.fixture(scope="module")
def demo_bytes(demo_edition) -> bytes:
    return render(demo_edition)


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def with_blocks(edition: Edition, blocks) -> Edition:
    """The same edition over other blocks (for nodes the sample papers lack)."""
    document = dataclasses.replace(edition.document, blocks=tuple(blocks))
    return Edition(dataclasses.replace(edition.linked, document=document), edition.template)


# ---- what the model says the document holds -----------------------------------------------


def inline_text(inlines) -> str:
    return "".join(node.text if isinstance(node, Text) else node.raw for node in inlines)


def model_words(edition: Edition) -> list[str]:
    words: list[str] = []
    for line in edition.title_lines:
        words += plain_text(line.inlines).split()
    for block in edition.document.blocks:
        if isinstance(block, BulletList):
            for item in block.items:
                words += inline_text(item.inlines).split()
        elif isinstance(block, Bibliography):  # the lists the transform appended: heading, then "n. entry"
            words += block.title.split()
            for item in block.items:
                words += f"{item.label or ''} {plain_text(item.inlines)}".split()
        else:
            words += inline_text(block.inlines).split()
    return words


def unresolved(edition: Edition) -> list:
    """The edition's citations with a label that found no entry (the transform gave each its note)."""
    return [cite for cite in iter_citations(edition.document) if cite.note is not None]


def docx_words(data: bytes) -> list[str]:
    """The paragraphs' words; soft hyphens (U+00AD, invisible unless a line breaks there) dropped."""
    return [word for p in open_docx(data).paragraphs for word in p.text.replace("\u00ad", "").split()]


# ---- words -------------------------------------------------------------------------------


def test_paragraph_text_includes_hyperlink_text(demo_bytes):
    # Guard for the word tests: python-docx 1.2's paragraph.text must read inside w:hyperlink.
    texts = [p.text for p in open_docx(demo_bytes).paragraphs]
    assert any("expect [2, p. 45]." in t for t in texts)
    assert any("Handbooks of both systems [3–4] show" in t for t in texts)


@pytest.mark.parametrize("which", ["seed", "demo"])
def test_docx_words_equal_model_words(which, request):
    edition = request.getfixturevalue(f"{which}_edition")
    data = request.getfixturevalue(f"{which}_bytes")
    expected = model_words(edition)
    assert len(expected) > 100
    assert docx_words(data) == expected


def test_seed_has_no_reference_list_but_lists_unresolved(seed_bytes, seed_edition):
    texts = [p.text for p in open_docx(seed_bytes).paragraphs]
    assert seed_edition.labels.references not in texts
    assert texts.count(seed_edition.labels.unresolved) == 1
    assert texts[-1] == unresolved(seed_edition)[-1].note


def test_control_characters_are_dropped_not_fatal(demo_edition):
    span = demo_edition.document.blocks[0].span
    edition = with_blocks(demo_edition, [Paragraph((Text("form\x0cfeed\x00nul\x1bend\ufffe."),), span)])
    paragraphs = open_docx(render(edition)).paragraphs
    body = [p.text for p in paragraphs if p.style.name == "Body Text"]
    assert body == ["form feed nul end ."]


# ---- internal links and unresolved flags --------------------------------------------------


def test_demo_links_each_label_to_a_bookmarked_entry(demo_bytes, demo_edition):
    root = part(demo_bytes, "word/document.xml")
    links = root.findall(".//w:hyperlink", NS)
    expected = [(p.text, p.target) for cite in iter_citations(demo_edition.document) for p in citation_pieces(cite) if p.target]
    assert len(expected) == 8  # [1] [2, p. 45] [3–4] [5] [6] [1; 2]
    got = [("".join(link.itertext()), link.get(w("anchor"))) for link in links]
    assert got == expected
    starts = root.findall(".//w:bookmarkStart", NS)
    names = [s.get(w("name")) for s in starts]
    entries = sorted(demo_edition.linked.document.references, key=lambda e: e.number)
    assert names == [anchor(e.key) for e in entries]
    assert {anchor for _, anchor in got} <= set(names)
    ids = [s.get(w("id")) for s in starts]
    assert ids == [str(i) for i in range(len(ids))]
    assert sorted(e.get(w("id")) for e in root.findall(".//w:bookmarkEnd", NS)) == sorted(ids)
    # each bookmark wraps the entry's own paragraph: "n. ..."
    for start, entry in zip(starts, entries):
        paragraph = start.getparent()
        assert "".join(paragraph.itertext()).startswith(f"{entry.number}. ")
        assert paragraph.find("w:pPr/w:pStyle", NS).get(w("val")) == "Bibliography"
    for link in links:
        for run in link.findall("w:r", NS):
            assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == "Hyperlink"
    assert not root.findall(".//w:highlight", NS)
    with zipfile.ZipFile(io.BytesIO(demo_bytes)) as z:
        assert "word/comments.xml" not in z.namelist()


def test_seed_flags_eight_unresolved_citations(seed_bytes, seed_edition):
    root = part(seed_bytes, "word/document.xml")
    assert len(unresolved(seed_edition)) == 8
    assert not root.findall(".//w:hyperlink", NS)
    # the text inside each comment range is the citation, every run of it highlighted yellow
    flagged = []
    for start in root.iter(w("commentRangeStart")):
        cid, runs = start.get(w("id")), []
        node = start.getnext()
        while not (node.tag == w("commentRangeEnd") and node.get(w("id")) == cid):
            runs.append(node)
            node = node.getnext()
        assert runs and all(r.find("w:rPr/w:highlight", NS).get(w("val")) == "yellow" for r in runs)
        flagged.append((cid, "".join("".join(r.itertext()) for r in runs)))
    assert [text for _, text in flagged] == [cite.raw for cite in unresolved(seed_edition)]
    assert [cid for cid, _ in flagged] == [str(i) for i in range(8)]
    highlighted = ["".join(r.itertext()) for r in root.iter(w("r")) if r.find("w:rPr/w:highlight", NS) is not None]
    assert highlighted == [cite.raw for cite in unresolved(seed_edition)]
    # one comment per citation, naming the missing label
    comments = list(open_docx(seed_bytes).comments)
    assert len(comments) == 8
    for comment, cite in zip(comments, unresolved(seed_edition)):
        assert comment.text == cite.note
        assert comment.text.startswith(f"[{cite.refs[0].label}]")
        assert comment.author == "exporter" and comment.initials == "ex"
    assert [c.text.split(":")[0] for c in comments] == ["[9]", "[5]", "[11]", "[12]", "[13]", "[13]", "[1]", "[2]"]
    assert {c.get(w("date")) for c in part(seed_bytes, "word/comments.xml")} == {"1980-01-01T00:00:00Z"}


# ---- styles, fonts, language ---------------------------------------------------------------


def test_named_styles_are_defined_and_used(seed_bytes, demo_bytes):
    used = {p.style.name for data in (seed_bytes, demo_bytes) for p in open_docx(data).paragraphs}
    assert used == {"Title", "Heading 1", "Body Text", "List Bullet", "Bibliography", "Unresolved Citation"}
    styles = part(seed_bytes, "word/styles.xml")
    defined = {(s.get(w("type")), s.find("w:name", NS).get(w("val"))) for s in styles.findall("w:style", NS)}
    for name in ("Normal", "Title", "heading 1", "Body Text", "List Bullet", "Bibliography"):
        assert ("paragraph", name) in defined
    assert ("paragraph", "Quote") not in defined  # the seed quotes nothing: only used styles are written (test_docx_package)
    demo_styles = part(demo_bytes, "word/styles.xml")
    assert ("character", "Hyperlink") in {(s.get(w("type")), s.find("w:name", NS).get(w("val"))) for s in demo_styles.findall("w:style", NS)}
    # every style a paragraph or run names exists in styles.xml
    ids = {s.get(w("styleId")) for s in styles.findall("w:style", NS)}
    root = part(seed_bytes, "word/document.xml")
    named = {e.get(w("val")) for e in root.iter(w("pStyle"), w("rStyle"))}
    assert named <= ids
    with zipfile.ZipFile(io.BytesIO(seed_bytes)) as z:
        comment_styles = {e.get(w("val")) for e in etree.fromstring(z.read("word/comments.xml")).iter(w("pStyle"), w("rStyle"))}
    assert comment_styles <= ids


def test_quotes_use_the_quote_style(demo_edition):
    span = demo_edition.document.blocks[0].span
    edition = with_blocks(demo_edition, [Quote((Text("Quoted words."),), span), Paragraph((Text("After."),), span)])
    paragraphs = [p for p in open_docx(render(edition)).paragraphs if p.text in ("Quoted words.", "After.")]
    assert [(p.text, p.style.name) for p in paragraphs] == [("Quoted words.", "Quote"), ("After.", "Body Text")]


def test_title_block_honours_the_template(seed_bytes, seed_edition):
    paragraphs = open_docx(seed_bytes).paragraphs
    lines = seed_edition.title_lines
    title = paragraphs[: len(lines)]
    assert all(p.style.name == "Title" for p in title)
    assert paragraphs[len(lines)].style.name == "Body Text"
    assert title[0].text == "ӘОЖ 930.85" and title[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert title[1].text == "ҚАЗАҚСТАН МЕН ҚЫТАЙ ҚАРЫМ-ҚАТЫНАСЫ: КЕШЕ ЖӘНЕ БҮГІН"
    assert title[1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in title[1].runs) and not any(run.bold for run in title[0].runs)
    assert title[1].paragraph_format.space_before == Pt(12)
    assert title[2].text == "Жахан Жанар" and all(run.bold for run in title[2].runs)
    assert title[-1].paragraph_format.space_after == Pt(14)
    for p, line in zip(title, lines):
        assert all(run.font.size == Pt(line.size_pt) for run in p.runs)


def test_demo_abstract_keeps_its_bold_label_and_size(demo_bytes):
    abstract = next(p for p in open_docx(demo_bytes).paragraphs if p.text.startswith("Abstract."))
    assert abstract.style.name == "Title" and abstract.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert [(r.text, bool(r.bold)) for r in abstract.runs][0] == ("Abstract.", True)
    assert not abstract.runs[-1].bold
    assert {r.font.size for r in abstract.runs} == {Pt(12)}


@pytest.mark.parametrize("template", ["kz-conference", "article"])
def test_page_and_body_follow_the_template(template):
    edition = Edition(read_and_link(str(DEMO), str(DEMO_BIB)), Template.load(template))
    doc = open_docx(render(edition))
    import tomllib

    raw = tomllib.loads((edition.template.folder / "template.toml").read_text(encoding="utf-8"))  # read apart from the venue loader
    page, body = raw["page"], raw["body"]
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    margins = page["margins_cm"]
    for side in ("top", "bottom", "left", "right"):
        assert abs(getattr(section, f"{side}_margin") - Cm(margins[side])) < Cm(0.01)
    normal, text = doc.styles["Normal"], doc.styles["Body Text"]
    assert normal.font.size == Pt(body["size_pt"])
    assert normal.paragraph_format.line_spacing == pytest.approx(body["line_spacing"])
    assert abs(text.paragraph_format.first_line_indent - Cm(body["first_line_indent_cm"])) < Cm(0.01)
    assert text.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert doc.styles["Bibliography"].font.size == Pt(raw["bibliography"]["size_pt"])
    # page numbers in the footer
    footer = part(render(edition), "word/footer1.xml")
    assert [f.get(w("instr")).strip() for f in footer.iter(w("fldSimple"))] == ["PAGE"]


def test_fonts_fill_every_slot_including_east_asian(seed_bytes, seed_edition):
    family = seed_edition.template.main_faces["regular"].family
    styles = part(seed_bytes, "word/styles.xml")
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert default.get(w(slot)) == family
    normal = styles.find("w:style[@w:styleId='Normal']/w:rPr/w:rFonts", NS)
    assert normal.get(w("eastAsia")) == family
    # no theme font anywhere: it would override the named family
    for fonts in styles.iter(w("rFonts")):
        assert not any(fonts.get(w(t)) for t in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))


def test_cjk_runs_get_the_fallback_family_and_chinese_language(seed_bytes, seed_edition):
    fallback = seed_edition.template.fonts.fallbacks[0].family
    root = part(seed_bytes, "word/document.xml")
    cjk = {}
    for run in root.iter(w("r")):
        text = "".join(run.itertext())
        fonts = run.find("w:rPr/w:rFonts", NS)
        if fonts is not None:
            cjk[text] = run
            assert {fonts.get(w(s)) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {fallback}
            assert run.find("w:rPr/w:lang", NS).get(w("eastAsia")) == "zh-CN"
    assert set(cjk) == {"孔子学院", "学学不如近学", "西域"}
    # and nothing else left the main family
    assert all("\u4e00" <= ch <= "\u9fff" for text in cjk for ch in text)


@pytest.mark.parametrize("which, tag", [("seed", "kk-KZ"), ("demo", "en-US")])
def test_language_is_set_in_the_style_defaults(which, tag, request):
    data = request.getfixturevalue(f"{which}_bytes")
    lang = part(data, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == tag
    assert lang.get(w("eastAsia")) == "zh-CN"
    assert open_docx(data).core_properties.language == tag


# ---- metadata ---------------------------------------------------------------------------


def test_core_properties(seed_bytes, demo_bytes):
    props = open_docx(seed_bytes).core_properties
    assert props.title == "ҚАЗАҚСТАН МЕН ҚЫТАЙ ҚАРЫМ-ҚАТЫНАСЫ: КЕШЕ ЖӘНЕ БҮГІН"
    assert props.author == "Жахан Жанар"
    assert props.last_modified_by == "exporter"
    assert props.revision == 1
    assert props.created == props.modified == datetime(1980, 1, 1, tzinfo=timezone.utc)
    assert props.comments == ""  # not python-docx's "generated by python-docx"
    demo = open_docx(demo_bytes).core_properties
    assert demo.title == "CHECKING CITATIONS BEFORE TYPESETTING"
    assert demo.author == "Aigerim Sadykova"
    assert demo.keywords == "citations, bibliography, typesetting, BibTeX"
    assert demo.subject == "UDC 004.91"


def test_source_date_epoch_sets_the_dates(demo_edition, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    props = open_docx(render(demo_edition)).core_properties
    assert props.created == props.modified == datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)


# ---- determinism --------------------------------------------------------------------------


def test_two_renders_are_byte_identical(seed_edition, seed_bytes):
    assert render(seed_edition) == seed_bytes
    with zipfile.ZipFile(io.BytesIO(seed_bytes)) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_renders_in_other_processes_are_byte_identical(seed_bytes):
    script = (
        "import hashlib, sys\n"
        "from exporter.pipeline import read_and_link\n"
        "from exporter.venue import Template\n"
        "from exporter.writers import Edition\n"
        "from exporter.writers.docx import render\n"
        f"data = render(Edition(read_and_link({str(SEED)!r}), Template.load('kz-conference')))\n"
        "print(hashlib.sha256(data).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
        env.pop("SOURCE_DATE_EPOCH", None)
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True)
        digests.add(out.stdout.strip())
    assert digests == {hashlib.sha256(seed_bytes).hexdigest()}


# ---- LibreOffice ------------------------------------------------------------------------


def test_libreoffice_converts_both_to_pdf(seed_bytes, demo_bytes, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: LibreOffice conversion not checked")
        pytest.skip("soffice (LibreOffice) is not installed")
    (tmp_path / "seed.docx").write_bytes(seed_bytes)
    (tmp_path / "demo.docx").write_bytes(demo_bytes)
    out = tmp_path / "pdf"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(tmp_path / "seed.docx"), str(tmp_path / "demo.docx")],
        capture_output=True, timeout=300,
    )
    for name in ("seed.pdf", "demo.pdf"):  # soffice exits 0 even when it fails: look for the files
        pdf = out / name
        assert pdf.is_file(), f"LibreOffice did not convert {name[:-4]}.docx"
        assert pdf.read_bytes().startswith(b"%PDF")


def test_keywords_longer_than_a_core_property_still_build(tmp_path):
    """Real papers list long keyword sets (two corpus papers passed 255 characters, which
    python-docx refuses in core properties): the file's property is cut, the page keeps all."""
    import docx

    words = [f"ключевое слово номер {n}" for n in range(1, 16)]
    paper = tmp_path / "kw.txt"
    paper.write_text("ДЛИННЫЕ КЛЮЧЕВЫЕ СЛОВА\n\nИванов Пётр\n\nКлючевые слова: " + ", ".join(words) + ".\n\nТекст статьи.\n", encoding="utf-8")
    result = run_cli("build", str(paper), "--to", "docx", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    built = docx.Document(str(tmp_path / "out" / "kw.docx"))
    keywords = built.core_properties.keywords
    assert len(keywords) <= 255 and keywords.endswith("…") and keywords.startswith(words[0])
    assert words[-1] in "\n".join(p.text for p in built.paragraphs)
