"""The PDF edition: text, fonts, links, flags, outline, metadata and reproducibility.

The expected words are built from the model here, independently of the writer: the title
block, every block's text with citations as written, the references and the unresolved list.
The writer adds only what the tests name: `–` before list items, `N.` before entries and
notes, a superscript `?` after an unresolved citation, and the page number in each footer.
reportlab does not hyphenate (the writer keeps it so), so no renderer hyphen is tolerated.
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from exporter.linker import iter_citations
from exporter.model import Bibliography, BulletList, Citation, ListItem, Paragraph, Quote, Span, Text, plain_text
from exporter.pipeline import read_and_link
from exporter.venue import Template
from exporter.transforms.bibliography import anchor, citation_pieces
from exporter.writers import Edition
from exporter.writers import pdf

from helpers import DEMO, DEMO_BIB, SEED



def _needs(tool: str) -> None:
    if shutil.which(tool) is None:
        print(f"skipping: {tool} (poppler-utils) is not installed")
        pytest.skip(f"{tool} (poppler-utils) is not installed")


def _edition(source, bib=None, template="kz-conference") -> Edition:
    return Edition(read_and_link(str(source), str(bib) if bib else None), Template.load(template))


@pytest.fixture(scope="module")
def seed() -> Edition:
    return _edition(SEED)


@pytest.fixture(scope="module")
def demo() -> Edition:
    return _edition(DEMO, DEMO_BIB)


@pytest.fixture(scope="module")
def seed_pdf(seed, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    path.write_bytes(pdf.render(seed))
    return path


@pytest.fixture(scope="module")
def demo_pdf(demo, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "demo.pdf"
    path.write_bytes(pdf.render(demo))
    return path


# -- what the model says the PDF must read -----------------------------------------------------
def _inline_text(inlines) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Citation):
            out.append(node.raw if node.resolved else node.raw + "?")
    return "".join(out)


def expected_words(edition: Edition) -> list[str]:
    parts = [plain_text(line.inlines) for line in edition.title_lines]
    for block in edition.document.blocks:
        if isinstance(block, BulletList):
            parts.extend((item.label or "–") + " " + _inline_text(item.inlines) for item in block.items)  # the author's number, else the dash
        elif isinstance(block, Bibliography):  # heading, then "n. entry" (the notes numbered in order)
            parts.append(block.title)
            parts.extend(f"{item.label or f'{n}.'} " + plain_text(item.inlines) for n, item in enumerate(block.items, 1))
        else:
            parts.append(_inline_text(block.inlines))
    return " ".join(parts).split()


def extracted_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def extracted_words(path: Path) -> list[str]:
    """The PDF's words, each page's footer number checked and dropped. Words the line breaker
    divided are joined again: at a hyphenation point the line ends in a soft hyphen (U+00AD,
    drawn as a hyphen), dropped; at a word's own hyphen (`14-ақпанда`) in that hyphen, kept;
    an address (a path, a URL) divided before its hyphen starts the next line with it (`-china`);
    CJK text breaks between ideographs with no mark at all (`(学学不` / `如近学).`)."""
    words: list[str] = []
    joining = ""
    for number, lines in enumerate(_bbox_lines(path), start=1):
        assert lines[-1] == [str(number)], f"page {number} has no page number in its footer"
        for found in lines[:-1]:
            cjk_break = bool(words and found and _cjk(words[-1][-1]) and _cjk(found[0][0]))  # ideographs break anywhere, with no space
            if (joining or cjk_break or words and found and found[0].startswith("-") and len(found[0]) > 1) and found:
                found[0] = words.pop() + found[0]
            words.extend(found)
            joining = words[-1][-1] if words and words[-1][-1] in "\u00ad-" and len(words[-1]) > 1 else ""
            if joining == "\u00ad":
                words[-1] = words[-1][:-1]
    return words


def _cjk(ch: str) -> bool:
    """A CJK ideograph (or a full-width CJK mark): a line may break before or after it."""
    return unicodedata.east_asian_width(ch) in "WF" and not ch.isascii()


def _bbox_lines(path: Path) -> list[list[list[str]]]:
    """Each page's lines as lists of words, in pdftotext's reading order. From `-bbox-layout`:
    the plain text output joins a line that ends in a hyphen to the next line's word and drops
    the hyphen (`14-` + `ақпанда` → `14ақпанда`), where the word boxes keep both as drawn."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        lines = []
        for line in re.findall(r"<line[^>]*>(.*?)</line>", page, re.S):
            words: list[list] = []  # [text, xMax]; a raised `?` touching `[9]` is one word, as in the text output
            for x_min, x_max, text in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</word>', line, re.S):
                if words and float(x_min) - words[-1][1] < 0.5:
                    words[-1] = [words[-1][0] + html.unescape(text), float(x_max)]
                else:
                    words.append([html.unescape(text), float(x_max)])
            if words:
                lines.append([text for text, _ in words])
        pages.append(lines)
    return pages


def _first_difference(got: list[str], want: list[str]) -> str:
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return f"word {i}: got {got[max(0, i - 5):i + 5]} want {want[max(0, i - 5):i + 5]}"
    return f"lengths differ: got {len(got)} words, want {len(want)}"


# -- text ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["seed", "demo"])
def test_words_in_order_equal_the_model(which, request):
    _needs("pdftotext")
    edition = request.getfixturevalue(which)
    path = request.getfixturevalue(f"{which}_pdf")
    want = expected_words(edition)
    got = rejoined_addresses(extracted_words(path), want)
    assert len(want) > (2000 if which == "seed" else 150)
    assert got == want, _first_difference(got, want)


def rejoined_addresses(got: list[str], want: list[str]) -> list[str]:
    """An address (a path, a URL) divided after one of url.sty's marks (`…/x/` | `source/…`)
    has no hyphen to tell it from two words: where the model has an address that the PDF's
    next words spell out exactly, those words are joined. Nothing else is forgiven."""
    out, i = [], 0
    for word in want:
        if i < len(got) and got[i] != word and "/" in word and word.startswith(got[i]):
            joined, k = got[i], i + 1
            while k < len(got) and len(joined) < len(word) and word.startswith(joined + got[k]):
                joined, k = joined + got[k], k + 1
            if joined == word:
                out.append(joined)
                i = k
                continue
        if i < len(got):
            out.append(got[i])
            i += 1
    return out + got[i:]


def test_chinese_and_kazakh_text_survive(seed, seed_pdf):
    _needs("pdftotext")
    text = "".join(extracted_pages(seed_pdf))
    text = re.sub(r"(?<=[\u3400-\u9fff])\n(?=[\u3400-\u9fff])", "", text)  # a line may break between two ideographs
    for s in ("孔子学院", "学学不如近学", "西域"):
        assert s in text
    source = " ".join(expected_words(seed))
    kazakh = [letter for letter in "ӘәҒғҚқҢңӨөҰұҮүҺһІі" if letter in source]
    assert len(kazakh) >= 12, kazakh
    for letter in kazakh:
        assert text.count(letter) == source.count(letter), letter
    assert "ҚАЗАҚСТАН МЕН ҚЫТАЙ ҚАРЫМ-ҚАТЫНАСЫ" in text


def _pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]  # header and rule
    # name type encoding emb sub uni object ID; type may be two words ("Type 1"), so read from the right
    return [row.split() for row in rows if row.strip()]


def test_every_font_embedded_including_the_cjk_fallback(seed_pdf, seed):
    _needs("pdffonts")
    rows = _pdffonts(seed_pdf)
    assert rows
    for row in rows:
        assert row[-5] == "yes", f"not embedded: {' '.join(row)}"
    names = [row[0].split("+", 1)[-1] for row in rows]

    def embedded(face) -> bool:  # the PostScript name; reportlab adds `-N` for sub-font N of a .ttc
        name = pdfmetrics.getFont(pdf._register(face)).face.name
        name = name.decode() if isinstance(name, bytes) else name
        return name in names or (face.path.suffix.lower() == ".ttc" and f"{name}-{face.index}" in names)

    assert embedded(seed.template.fonts.fallbacks[0]), names  # the CJK fallback
    assert embedded(seed.template.main_faces["regular"]), names
    assert embedded(seed.template.main_faces["bold"]), names  # the bold capital title


def test_demo_uses_no_fallback_font(demo_pdf):
    _needs("pdffonts")
    names = [row[0].split("+", 1)[-1] for row in _pdffonts(demo_pdf)]
    assert not any("WenQuanYi" in n for n in names), names


# -- links and flags ---------------------------------------------------------------------------
def _links(path: Path) -> list[tuple[int, list[float], int, float]]:
    """(page, rect, destination page, destination top) of every link annotation."""
    reader = PdfReader(str(path))
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out = []
    for i, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            dest = annot["/Dest"]
            out.append((i, [float(v) for v in annot["/Rect"]], pages[dest[0].idnum], float(dest[3])))
    return out


def _text_in(path: Path, page: int, rect: list[float], height: float) -> str:
    """The text inside a link's rectangle, 1 pt in from each side (pdftotext crops to whole points)."""
    x0, y0, x1, y1 = rect
    x, y = math.ceil(x0 + 1), math.ceil(height - y1 + 1)
    w, h = math.floor(x1 - 1) - x, math.floor(height - y0 - 1) - y
    args = ["pdftotext", "-f", str(page + 1), "-l", str(page + 1), "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=True).stdout.strip()


def _entry_tops(path: Path, edition: Edition) -> dict[int, tuple[int, float]]:
    """Entry number -> (page, top of its first line): the words `1.`, `2.`… after the heading,
    each at the same indent as `1.` (so a `38.` inside an entry is not taken for one)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    tops: dict[int, tuple[int, float]] = {}
    heading_seen = False
    indent = None
    page_no, height = -1, 0.0
    for line in out.splitlines():
        m = re.match(r'\s*<page width="([\d.]+)" height="([\d.]+)"', line)
        if m:
            page_no, height = page_no + 1, float(m.group(2))
            continue
        m = re.match(r'\s*<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if not m:
            continue
        word = m.group(5)
        if word == edition.labels.references:
            heading_seen = True
        elif heading_seen and word == f"{len(tops) + 1}." and (indent is None or abs(float(m.group(1)) - indent) < 1):
            indent = float(m.group(1))
            tops[len(tops) + 1] = (page_no, height - float(m.group(2)))
    return tops


def test_demo_citations_link_to_their_entries(demo, demo_pdf):
    _needs("pdftotext")
    pieces = [p for cite in iter_citations(demo.document) for p in citation_pieces(cite) if p.target]
    numbers = {anchor(entry.key): entry.number for entry in demo.document.references}
    links = _links(demo_pdf)
    assert len(pieces) == 8  # [1] [2, p. 45] [3–4] [5] [6] [1; 2]
    assert len(links) == len(pieces)
    tops = _entry_tops(demo_pdf, demo)
    assert sorted(tops) == [1, 2, 3, 4, 5, 6]
    height = float(PdfReader(str(demo_pdf)).pages[0].mediabox.height)
    for (page, rect, dest_page, dest_top), piece in zip(links, pieces):
        # the link sits on the label's own digits, and leads to the top of that entry's first line
        assert _text_in(demo_pdf, page, rect, height) == piece.text
        number = numbers[piece.target]
        assert piece.text == str(number)
        entry_page, entry_top = tops[number]
        assert dest_page == entry_page
        assert 0 <= dest_top - entry_top < 6, (number, dest_top, entry_top)


def test_seed_has_no_links_and_eight_flags(seed, seed_pdf):
    _needs("pdftotext")
    assert _links(seed_pdf) == []
    unresolved = [cite for cite in iter_citations(seed.document) if cite.note is not None]
    assert len(unresolved) == 8
    text = " ".join(" ".join(page.split()) for page in extracted_pages(seed_pdf))
    body = text.split(seed.labels.unresolved)[0]
    flagged = re.findall(r"\[[^\]]*\]\?", body)
    assert flagged == [cite.raw + "?" for cite in unresolved]
    # the list at the end names all eight, in order
    notes = text.split(seed.labels.unresolved)[1]
    assert notes.count(seed.labels.unresolved_note) == 8


def test_flag_is_drawn_highlighted_and_red(seed):
    walker = pdf._PdfWalker(seed, pdf.PdfFonts(seed.template))
    walker.walk(seed.document.blocks)
    markup = "".join(repr(getattr(f, "text", "")) for f in walker.story)
    assert walker.flagged == 8
    assert markup.count(f'backColor="{pdf.FLAG_BACK}"') == 8
    assert markup.count(pdf.SUPER) == 8


# -- markup safety, fonts per run, every block kind -----------------------------------------------
def test_markup_characters_quotes_and_lists(demo, tmp_path):
    _needs("pdftotext")
    span = Span(1, 1, 1, 1)
    nasty = "a < b && c > d <b>not bold</b> &amp; 西域 \"q\" 'q'"
    blocks = (
        Paragraph((Text(nasty),), span),
        Quote((Text("Quoted <i>words</i> here"),), span),
        BulletList((ListItem((Text("item & more"),), span),), span),  # a list item (it had borrowed a bibliography item)
    )
    doc = dataclasses.replace(demo.document, blocks=blocks)
    edition = Edition(dataclasses.replace(demo.linked, document=doc), demo.template)
    path = tmp_path / "nasty.pdf"
    path.write_bytes(pdf.render(edition))
    want = expected_words(edition)
    assert rejoined_addresses(extracted_words(path), want) == want


def test_font_runs_wrap_only_fallback_text(seed):
    fonts = pdf.PdfFonts(seed.template)
    cjk = fonts.names[seed.template.fonts.fallbacks[0]]
    assert fonts.markup("Конфуцийдің(孔子学院) & <x>") == f'Конфуцийдің(<font name="{cjk}">孔子学院</font>) &amp; &lt;x&gt;'


# -- outline, metadata, reproducibility, speed ----------------------------------------------------
def test_outline_and_metadata(seed, seed_pdf, demo, demo_pdf):
    for edition, path, titles in (
        (seed, seed_pdf, [seed.document.meta.title_text, seed.labels.unresolved]),  # no reference list
        (demo, demo_pdf, [demo.document.meta.title_text, demo.labels.references]),
    ):
        reader = PdfReader(str(path))
        assert [item.title for item in reader.outline] == titles
        info = reader.metadata
        assert info.title == edition.document.meta.title_text
        assert info.author == ", ".join(edition.document.meta.authors)
        assert info["/Creator"] == "exporter"
        stamp = edition.date.strftime("D:%Y%m%d%H%M%S")
        assert info["/CreationDate"].startswith(stamp) and info["/ModDate"].startswith(stamp)
    assert PdfReader(str(seed_pdf)).trailer["/Root"]["/Lang"] == "kk-KZ"
    assert PdfReader(str(demo_pdf)).trailer["/Root"]["/Lang"] == "en-US"
    assert PdfReader(str(demo_pdf)).metadata["/Keywords"] == "citations, bibliography, typesetting, BibTeX"


def test_page_size_and_count(seed_pdf):
    reader = PdfReader(str(seed_pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert 10 <= len(reader.pages) <= 20  # 75 KB of 14 pt text


def test_two_renders_identical(seed, demo, seed_pdf):
    assert pdf.render(seed) == seed_pdf.read_bytes()
    assert pdf.render(demo) == pdf.render(demo)


def test_same_bytes_in_a_fresh_process(seed, seed_pdf, tmp_path):
    """Nothing carried over in the process (font registration, subset names) changes the file."""
    out = tmp_path / "fresh.pdf"
    code = (
        "import sys; from exporter.pipeline import read_and_link; from exporter.venue import Template;"
        "from exporter.writers import Edition; from exporter.writers import pdf;"
        f"e = Edition(read_and_link({str(SEED)!r}, None), Template.load('kz-conference'));"
        f"open({str(out)!r}, 'wb').write(pdf.render(e))"
    )
    import sys

    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(pdf.__file__).resolve().parents[2], timeout=120)
    assert out.read_bytes() == seed_pdf.read_bytes()


_FACES_PROBE = r"""
import sys
from reportlab.pdfbase import pdfmetrics
from exporter import cli
code = cli.main(sys.argv[1:])
print("faces:", code, " ".join(sorted(pdfmetrics.getRegisteredFontNames())))
"""


@pytest.mark.parametrize("text, cjk", [("Бір сөйлем, a sentence.", False), ("Бір сөйлем: 中国 (Қытай).", True)])
def test_a_fallback_face_is_loaded_only_when_text_needs_it(tmp_path, text, cjk):
    """Loading the CJK face's tables took every PDF ~40 ms, FreeSerif's ~25 ms, drawn or not;
    a fallback is loaded when text first needs it, under the name the venue's order gives it."""
    import os
    import sys

    from helpers import REPO

    paper = tmp_path / "paper.txt"
    paper.write_text(f"Тақырып\n\n{text}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPORTER_PLAIN": "fork"}  # the PDF in this process
    result = subprocess.run([sys.executable, "-c", _FACES_PROBE, "build", str(paper), "--to", "pdf", "--out", str(tmp_path / "out")],
                            env=env, capture_output=True, text=True, timeout=120)
    code, *names = result.stdout.split("faces:")[-1].split()
    assert code == "0", result.stderr
    assert {"LiberationSerifRegular", "LiberationSerifBold"} <= set(names)  # the venue's main faces, always
    loaded = " ".join(names).lower()
    assert ("wqymicrohei" in loaded) is cjk and "freeserif" not in loaded
    fonts = subprocess.run(["pdffonts", str(tmp_path / "out" / "paper.pdf")], capture_output=True, text=True).stdout
    assert ("WenQuanYiMicroHei" in fonts) is cjk
