"""Shared helpers: paths to the repository's sample papers and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "source" / "kz-china-relations.txt"
DEMO = REPO / "source" / "demo-typesetting.txt"
DEMO_BIB = REPO / "references" / "demo-typesetting.bib"


def run_cli(*args: str, cwd: Path | str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m exporter ARGS` as a user would, with the repository importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "exporter", *args],
        cwd=cwd or REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def seed_line(lines: list[str], number: int) -> str:
    """Line `number` (1-based, as quoted in the tests' comments) of a list of lines."""
    return lines[number - 1]


def without_soft_hyphens(docx_bytes: bytes) -> bytes:
    """The DOCX package with every soft hyphen (U+00AD) taken out of its parts: what a reader sees
    on a line that does not break there. Tests of the text use it; tests of hyphenation do not."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info).replace("\u00ad".encode(), b""))
    return out.getvalue()


LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


def pdf_canvas(path: Path):
    """A reportlab canvas on A4 with Liberation Serif (regular and bold, for Cyrillic) registered, invariant (same bytes each run)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(LIBERATION / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("LiberationSerif-Bold", str(LIBERATION / "LiberationSerif-Bold.ttf")))
    return canvas.Canvas(str(path), pagesize=A4, invariant=1)


def draw_text(c, x: float, y: float, text: str, size: float = 11, bold: bool = False) -> None:
    """One line of text at (x, y) in Liberation Serif."""
    c.setFont("LiberationSerif-Bold" if bold else "LiberationSerif", size)
    c.drawString(x, y, text)


def draw_raised_line(c, y: float, parts: list[tuple[str, bool]]) -> None:
    """One line of 11 pt text from x=50; parts marked True are set as superscripts (7 pt, raised 4 pt)."""
    x = 50.0
    for text, raised in parts:
        size = 7 if raised else 11
        c.setFont("LiberationSerif", size)
        c.drawString(x, y + (4 if raised else 0), text)
        x += c.stringWidth(text, "LiberationSerif", size)


BODY_RU = [
    "Введение",
    "Задача рассматривается в работе впервые, и её решение опирается на известные методы [1].",
    "Список литературы",
    "1. Иванов И. И. Теория автоматического управления. – М.: Наука, 2010. – 300 с.",
]


def title_block_docx(path, paragraphs, body=BODY_RU) -> str:
    """A Word file of `paragraphs`: (text, options) with options among bold, center, size (pt),
    style (a paragraph style's name, made when missing), then the body in plain paragraphs."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    for text, options in paragraphs:
        style = options.get("style")
        if style and style not in [s.name for s in document.styles]:
            document.styles.add_style(style, 1)  # WD_STYLE_TYPE.PARAGRAPH
        paragraph = document.add_paragraph(style=style) if style else document.add_paragraph()
        for k, line in enumerate(text.split("\n")):
            run = paragraph.add_run(line)
            if k < len(text.split("\n")) - 1:
                run.add_break()
            run.bold = options.get("bold", False)
            run.font.size = Pt(options.get("size", 14))
        if options.get("center"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))
    return str(path)


def text_front_matter(lines: list[str]):
    """The front matter the text reader makes of these lines (a `.txt` paper's first lines)."""
    from exporter.readers.plaintext import read_plaintext
    from exporter.sourcefile import SourceText

    return read_plaintext(SourceText("p.txt", "\n".join(lines) + "\n", "utf-8")).meta


def entry_fields(text: str) -> dict[str, str]:
    """An entry's fields as the reference parser reads them: name -> value."""
    from exporter.references.fields import parse_entry

    return {name: value for name, value, _, _ in parse_entry(text).fields}


def linked_word_file(tmp_path, paragraphs: list[str]):
    """A Word file of one plain paragraph per text, read and linked as `check` does."""
    import docx
    from docx_samples import save

    from exporter.pipeline import read_and_link

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    return read_and_link(str(save(d, tmp_path / "paper.docx")))


def tagged_tokens(*tokens: tuple[str, str], confidence: float = 1.0):
    """A `Tagged` reading of `(word, label)` tokens joined by single spaces, each read with
    `confidence`: the tagger's output stood in for, for the conventions and the assembly."""
    from exporter.references.tagger import Tagged

    text, spans = "", []
    for word, _ in tokens:
        text += " " if text else ""
        spans.append((len(text), len(text) + len(word)))
        text += word
    return Tagged(text, tuple(spans), tuple(label for _, label in tokens), tuple(confidence for _ in tokens))


def corrected_labels(*tokens: tuple[str, str], confidence: float = 1.0) -> list[str]:
    """The labels the tagger's conventions give `(word, label)` tokens read as one entry's text."""
    from exporter.references.tagger.conventions import corrected

    return list(corrected(tagged_tokens(*tokens, confidence=confidence)).labels)
