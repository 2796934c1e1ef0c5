"""The glyph policy: a character no font has never stops a build; every edition shows the same
replacement and GLY001 says where (bug 2 of the foundations issue; issue 9's glyph failure mode)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest

from helpers import run_cli

from exporter.venue import Template

PDFTOTEXT = shutil.which("pdftotext")
XELATEX = shutil.which("xelatex")

# Line 5 holds 🥰 (U+1F970) at column 23; the file's own name holds 🫠 (U+1FAE0), which the
# kz-conference venue prints in its list of unresolved citations (`p🫠.txt:5:19`). Emoji of
# Unicode 11 and later: Symbola, the last fallback, draws those of Unicode 9 (😀, 🙂), and no
# colour emoji font can be embedded as outlines.
PAPER = "ӘОЖ 327\n\nТАҚЫРЫП ТУРАЛЫ\n\nМәтін 𝑥 және тағы [1] 🥰.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("glyphs")
    (folder / "p🫠.txt").write_text(PAPER, encoding="utf-8")
    result = run_cli("build", "p🫠.txt", "--out", "out", cwd=folder)
    return folder, result


def test_the_build_succeeds_and_says_where_each_character_is(built):
    folder, result = built
    assert result.returncode == 0, result.stderr
    glyph_lines = [line for line in result.stdout.splitlines() if "GLY001" in line]
    assert len(glyph_lines) == 2  # in the order of their places
    assert glyph_lines[0].startswith("p🫠.txt:5:19: warning[GLY001]: the file name 'p🫠.txt': no font of template 'kz-conference' has U+1FAE0")
    assert glyph_lines[1].startswith("p🫠.txt:5:23: warning[GLY001]: no font of template 'kz-conference' has U+1F970")  # 𝑥 (U+1D465) is drawn by the math fallback font: no finding
    report = json.loads((folder / "out" / "p_.report.json").read_text(encoding="utf-8"))
    assert sorted(d["code"] for d in report["diagnostics"] if d["code"] == "GLY001") == ["GLY001", "GLY001"]


def test_strict_turns_a_missing_glyph_into_a_failure(built):
    folder, _ = built
    (folder / "q.txt").write_text("Мәтін 🥰 бар.\n", encoding="utf-8")
    plain = run_cli("build", "q.txt", "--out", "strict", cwd=folder)
    strict = run_cli("build", "q.txt", "--out", "strict", "--strict", cwd=folder)
    assert (plain.returncode, strict.returncode) == (0, 1)
    assert (folder / "strict" / "q.pdf").is_file()


def test_docx_shows_the_replacement(built):
    import docx

    folder, _ = built
    doc = docx.Document(io.BytesIO((folder / "out" / "p_.docx").read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs).replace("\u00ad", "")  # soft hyphens
    assert "Мәтін 𝑥 және тағы [1] \ufffd." in text
    assert "(p\ufffd.txt:5:19)" in text and "🫠" not in text and "🥰" not in text


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
def test_pdf_shows_the_same_replacement(built):
    folder, _ = built
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(folder / "out" / "p_.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    # `?`: the raised flag of an unresolved citation (pdftotext joins it to the bracket or not,
    # as its height above the line goes)
    assert "тағы [1] ? \ufffd." in flat or "тағы [1]? \ufffd." in flat
    assert "(p\ufffd.txt:5:19)" in flat


def test_latex_shows_the_same_replacement(built):
    folder, _ = built
    tex = (folder / "out" / "p_.tex").read_text(encoding="utf-8")
    body = tex[tex.index("\\begin{document}") :]
    assert "\\exporterunresolved{[1]} {\\exporterfontA \ufffd}." in body
    assert "(p{\\exporterfontA \ufffd}.txt:5:19)" in body
    assert "🫠" not in body and "🥰" not in body


@pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed")
def test_latex_compiles_with_the_replacement(built, tmp_path):
    folder, _ = built
    shutil.copy(folder / "out" / "p_.tex", tmp_path / "p.tex")
    run = subprocess.run([XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "p.tex"], cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=300)
    assert run.returncode == 0
    log = (tmp_path / "p.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "\ufffd" in text


def test_font_runs_replace_what_no_face_has():
    fonts = Template.load("kz-conference").fonts
    runs = fonts.runs("a🥰b")
    assert "".join(chunk for _, chunk in runs) == "a\ufffdb"
    assert fonts.replacement[1] == "\ufffd"
    assert fonts.uncovered("a🥰b") == 1


def test_math_fallback_covers_math_letters_arrows_operators_greek():
    fonts = Template.load("kz-conference").fonts
    for ch in "𝐀𝑥𝛼𝟗→⇒∀∑∫≤≠⊂αΩ":
        assert fonts.face_for(ch) is not None, f"U+{ord(ch):04X}"


def test_slanted_relations_of_russian_papers_have_a_font_in_every_venue():
    """`⩽ ⩾` (U+2A7D/U+2A7E), the Russian tradition's less/greater-or-equal, are in no face of
    Liberation Serif, WenQuanYi or FreeSerif: before DejaVu Math TeX Gyre was the last fallback,
    every edition printed U+FFFD for them (the unseen bench's kabduali_vkr.txt)."""
    for name in ("kz-conference", "kz-journal", "article", "ieee-conference", "springer-lncs"):
        fonts = Template.load(name).fonts
        assert fonts.uncovered("0 ⩽ a ⩾ b") is None, name
        assert fonts.face_for("⩽").family == "DejaVu Math TeX Gyre", name


@pytest.mark.skipif(not PDFTOTEXT, reason="pdftotext not installed")
def test_slanted_relations_are_drawn_in_the_pdf_without_a_finding(tmp_path):
    (tmp_path / "r.txt").write_text("ТАҚЫРЫП\n\nЕгер 0 ⩽ a ⩽ 1 және b ⩾ 2 болса.\n", encoding="utf-8")
    result = run_cli("build", "r.txt", "--out", "out", "--to", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "GLY001" not in result.stdout
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(tmp_path / "out" / "r.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "0 ⩽ a ⩽ 1 және b ⩾ 2" in " ".join(text.split())
    fonts = subprocess.run(["pdffonts", str(tmp_path / "out" / "r.pdf")], capture_output=True, text=True, check=True).stdout
    assert "DejaVuMathTeXGyre" in fonts


def test_circled_letters_dingbats_and_unicode_9_emoji_have_a_font_in_every_venue():
    """Ⓐ Ⓑ (U+24B6/7: an ACM paper's figure labels, unseen bench's appleby_temporal_acm), ✔ and
    😀 were in no face before Symbola became the last fallback: every edition printed U+FFFD."""
    for name in ("kz-conference", "kz-journal", "article", "ieee-conference", "springer-lncs"):
        fonts = Template.load(name).fonts
        assert fonts.uncovered("Ⓐ Ⓑ ✔ 😀") is None, name
        assert fonts.face_for("Ⓐ").family == "Symbola", name
