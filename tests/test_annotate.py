"""`annotate`: the author's own DOCX back with a Word comment at each finding and nothing else
changed — checked on a real corpus paper and on small Kazakh/Russian/English documents."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from docx_samples import kazakh_paper, save
from exporter.annotate import comment_text
from exporter.diagnostics import Diagnostic
from helpers import run_cli

CORPUS = Path("/work/shared/corpus/docx")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not on this machine")
ADDED_OR_CHANGED = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_text(path: Path) -> list[str]:
    """Every paragraph's text, body and table cells, as python-docx reads it."""
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return texts


def commented_text(path: Path) -> list[str]:
    """The text each comment is anchored on (between its range start and end)."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    out = []
    for cid in re.findall(r'<w:commentRangeStart w:id="(\d+)"/>', xml):  # ranges may nest: one search each
        m = re.search(rf'<w:commentRangeStart w:id="{cid}"/>(.*?)<w:commentRangeEnd w:id="{cid}"/>', xml, re.S)
        out.append((int(cid), "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(1)))))
    return [text for _, text in sorted(out)]


def annotate(source: Path, out: Path, *extra: str):
    result = run_cli("annotate", str(source), "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return result


@needs_corpus
def test_real_paper_round_trip_adds_only_comments(tmp_path):
    source = CORPUS / "ru_kolbaya_storage_devices.docx"
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "checked.docx"
    result = annotate(source, out)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the input is never touched
    assert "9 comments added" in result.stdout
    original, checked = zipfile.ZipFile(source), zipfile.ZipFile(out)
    assert set(checked.namelist()) - set(original.namelist()) == {"word/comments.xml"}
    for name in original.namelist():  # every other member byte for byte
        if name not in ADDED_OR_CHANGED:
            assert checked.read(name) == original.read(name), name
    assert all_text(out) == all_text(source)
    comments = docx.Document(str(out)).comments
    texts = [c.text for c in comments]
    assert all(c.author == "exporter" for c in comments)
    # [11] and [12] are typed past the 10-entry bibliography; entries 9 and 10 are never cited;
    # the text never names its figures 1–3 nor its table 1 (each only has its caption).
    never = "XRF002: на рисунок или таблицу нет ссылки в тексте ({} is never referred to in the text)"
    assert texts == [
        never.format("figure 1"), never.format("figure 2"), never.format("figure 3"),
        "CIT001: Ссылка [11]: в списке литературы нет такой записи.",
        "CIT001: Ссылка [11]: в списке литературы нет такой записи.",
        "CIT001: Ссылка [12]: в списке литературы нет такой записи.",
        never.format("table 1"),
        "CIT002: Запись [9] списка литературы нигде не цитируется.",
        "CIT002: Запись [10] списка литературы нигде не цитируется.",
    ]
    anchored = commented_text(out)
    assert anchored[3:6] == ["[11]", "[11, 12]", "[11, 12]"]  # exactly the citations
    assert anchored[7].startswith("Сравнительный анализ систем хранения данных")


@needs_corpus
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_annotated_copy(tmp_path):
    out = tmp_path / "checked.docx"
    source = CORPUS / "ru_hybrid_models_grpc.docx"
    result = annotate(source, out)
    findings = len(json.loads(run_cli("check", "--json", str(source)).stdout)["diagnostics"])
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "fodt", "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=180)
    converted = (tmp_path / "checked.fodt").read_text(encoding="utf-8")
    # Among them 8 out-of-order first citations and one unused entry: every finding reaches
    # LibreOffice as an annotation by "exporter".
    assert findings >= 9 and f"{findings} comments added" in result.stdout
    assert converted.count("<dc:creator>exporter</dc:creator>") == findings


def test_kazakh_paper_gets_kazakh_comments(tmp_path):
    source = kazakh_paper(tmp_path / "kk.docx", extra_citation=" және [3]")
    out = tmp_path / "kk.checked.docx"
    annotate(source, out)
    [comment] = docx.Document(str(out)).comments
    assert comment.text == "CIT001: [3] сілтемесі: әдебиеттер тізімінде мұндай жазба жоқ."
    assert commented_text(out) == ["[3]"]
    assert all_text(out) == all_text(source)


def test_default_output_in_dist_and_clean_paper_copied_unchanged(tmp_path):
    source = kazakh_paper(tmp_path / "clean.docx")
    result = run_cli("annotate", str(source), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "dist" / "clean.checked.docx"
    assert "0 comments added" in result.stdout
    assert out.read_bytes() == source.read_bytes()


def test_existing_comments_are_kept_and_ids_not_reused(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("An author's note on this sentence [7].")
    d.add_comment(p.runs, text="Author: check this", author="Author")
    d.add_paragraph("References")
    d.add_paragraph("1. Only A. Book. 2001.")
    source = save(d, tmp_path / "c.docx")
    out = tmp_path / "c.checked.docx"
    annotate(source, out)
    comments = docx.Document(str(out)).comments
    assert [(c.author, c.text) for c in comments][0] == ("Author", "Author: check this")
    assert [c.author for c in comments].count("exporter") == 2  # [7] has no entry; entry 1 unused
    ids = re.findall(r'<w:comment [^>]*w:id="(\d+)"', zipfile.ZipFile(out).read("word/comments.xml").decode())
    assert len(ids) == len(set(ids)) == 3
    assert all_text(out) == all_text(source)


def test_comment_text_by_language():
    d = Diagnostic("CIT003", "[1] is first cited after [4]; number sources in order of first citation", "p.docx", 3, 5, paragraph=3)
    assert comment_text(d, "ru") == "CIT003: Источник [1] впервые цитируется после [4]: нумеруйте источники в порядке первого цитирования."
    assert comment_text(d, "en") == "CIT003: Source [1] is first cited after [4]: number sources in order of first citation."
    assert comment_text(d, "kk").startswith("CIT003: [1] дереккөзіне алғаш рет [4] кейін")
    other = Diagnostic("REF010", "entry [2]: a book without publisher", "p.docx", 3, 5, paragraph=3)
    assert comment_text(other, "ru") == "REF010: в записи нет поля, нужного для её типа (entry [2]: a book without publisher)"
    assert comment_text(other, "en") == "REF010: entry [2]: a book without publisher"

