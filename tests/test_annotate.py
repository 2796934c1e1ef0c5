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
    assert texts == [
        "XRF002: на рисунок 1 в тексте нет ни одной ссылки",
        "XRF002: на рисунок 2 в тексте нет ни одной ссылки",
        "XRF002: на рисунок 3 в тексте нет ни одной ссылки",
        "CIT001: [11]: в списке литературы нет записи № 11 (всего 10 записей)",
        "CIT001: [11]: в списке литературы нет записи № 11 (всего 10 записей)",
        "CIT001: [12]: в списке литературы нет записи № 12 (всего 10 записей)",
        "XRF002: на таблицу 1 в тексте нет ни одной ссылки",
        "CIT002: на запись [9] в тексте нет ни одной ссылки",
        "CIT002: на запись [10] в тексте нет ни одной ссылки",
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
    assert comment.text == "CIT001: [3]: әдебиеттер тізімінде № 3 жазба жоқ (тізімде барлығы 2 жазба)"
    assert commented_text(out) == ["[3]"]
    assert all_text(out) == all_text(source)


def test_lang_overrides_the_papers_language(tmp_path):
    source = kazakh_paper(tmp_path / "kk.docx", extra_citation=" және [3]")
    for language, expected in (
        ("ru", "CIT001: [3]: в списке литературы нет записи № 3 (всего 2 записи)"),
        ("en", "CIT001: [3]: no entry 3 in the reference list (2 entries)"),
    ):
        out = tmp_path / f"{language}.checked.docx"
        annotate(source, out, "--lang", language)
        assert [c.text for c in docx.Document(str(out)).comments] == [expected]


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
    d = Diagnostic.at_line("CIT003", "p.docx", 3, 5, paragraph=3, label="1", after=4)
    assert comment_text(d, "ru") == "CIT003: ссылка [1] впервые встречается после [4]: нумеруйте источники в порядке первого упоминания в тексте"
    assert comment_text(d, "en") == "CIT003: [1] is first cited after [4]; number sources in order of first citation"
    assert comment_text(d, "kk") == "CIT003: [1] сілтемесі алғаш рет [4] сілтемесінен кейін кездеседі: дереккөздерді мәтінде алғаш аталу ретімен нөмірлеңіз"
    # every finding is whole in every language: no English title with the English details beside it
    other = Diagnostic.at_line("REF010", "p.docx", 3, 5, paragraph=3, entry="[2]", type="book", missing=("publisher",))
    assert comment_text(other, "ru") == "REF010: запись [2]: книга без обязательных сведений: издательство"
    assert comment_text(other, "kk") == "REF010: [2] жазбасы: кітап үшін міндетті мәлімет жоқ: баспа"
    assert comment_text(other, "en") == "REF010: entry [2]: a book without publisher"

