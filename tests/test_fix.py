"""`exporter fix --renumber`: sources renumbered by first citation, written as a copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli

from exporter.fix import compact, split_keeping_ends

PAPER = """УДК 94(574)

ТОРГОВЫЕ СВЯЗИ КАЗАХСТАНА И КИТАЯ

Иванов Пётр
Казахский национальный университет имени аль-Фараби

Торговля между степью и Синьцзяном имеет долгую исто-
рию [3]. Караваны шли через Кульджу и Чугучак,  а обмен скотом на ткани был основой
этой торговли [1, с. 45]. Во второй половине века значение торговли возросло [3; 4; 2].
Позже об этом писали многие [2-4], а также [4, с. 7; 1].

Список литературы

1. Валиханов Ч. Ч. Собрание сочинений. Алма-Ата, 1985. Т. 3. 415 с.
2. Хафизова К. Ш. Китайская дипломатия в Центральной Азии. Алматы, 1995.
3. Моисеев В. А. Россия и Китай в Центральной
Азии. Барнаул, 2003. 346 с.
4. Ерофеева И. В. Хан Абулхаир. Алматы, 2007.
5. Не цитируемая запись. 2000.
"""

# Worked out by hand: first citations come in the order 3, 1, 4, 2, so 3→1, 1→2, 4→3, 2→4;
# entry 5 is never cited and stays last.
FIXED = PAPER.replace(
    "рию [3].", "рию [1]."
).replace(
    "торговли [1, с. 45]", "торговли [2, с. 45]"
).replace(
    "возросло [3; 4; 2]", "возросло [1; 3; 4]"
).replace(
    "многие [2-4], а также [4, с. 7; 1]", "многие [1, 3, 4], а также [3, с. 7; 2]"
).replace(
    """1. Валиханов Ч. Ч. Собрание сочинений. Алма-Ата, 1985. Т. 3. 415 с.
2. Хафизова К. Ш. Китайская дипломатия в Центральной Азии. Алматы, 1995.
3. Моисеев В. А. Россия и Китай в Центральной
Азии. Барнаул, 2003. 346 с.
4. Ерофеева И. В. Хан Абулхаир. Алматы, 2007.
""",
    """1. Моисеев В. А. Россия и Китай в Центральной
Азии. Барнаул, 2003. 346 с.
2. Валиханов Ч. Ч. Собрание сочинений. Алма-Ата, 1985. Т. 3. 415 с.
3. Ерофеева И. В. Хан Абулхаир. Алматы, 2007.
4. Хафизова К. Ш. Китайская дипломатия в Центральной Азии. Алматы, 1995.
""",
)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def _codes(check_stdout: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in check_stdout.splitlines() if ": warning[" in line or ": error[" in line]


def test_renumbers_citations_and_reorders_the_list(tmp_path):
    paper = _write(tmp_path, "paper.txt", PAPER)
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "paper.txt").read_text(encoding="utf-8") == FIXED
    assert paper.read_text(encoding="utf-8") == PAPER  # the input is never changed
    assert "3 → 1" in result.stdout and "5 → 5  (not cited)" in result.stdout


def test_fixed_copy_checks_clean_of_order_warnings_with_the_same_entries(tmp_path):
    paper = _write(tmp_path, "paper.txt", PAPER)
    run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    before, after = run_cli("check", "--json", str(paper)), run_cli("check", "--json", str(tmp_path / "out" / "paper.txt"))
    assert "CIT003" in before.stdout and "CIT003" not in after.stdout
    inspect_before = run_cli("inspect", str(paper)).stdout
    inspect_after = run_cli("inspect", str(tmp_path / "out" / "paper.txt")).stdout
    import json

    texts = lambda out: sorted(r["text"] for r in json.loads(out)["references"])  # noqa: E731
    assert texts(inspect_before) == texts(inspect_after)


def test_keeps_encoding_line_ends_and_every_byte_outside_the_edits(tmp_path):
    paper = _write(tmp_path, "paper.txt", PAPER, encoding="cp1251", newline="\r\n")
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "out" / "paper.txt").read_bytes()
    assert data == FIXED.replace("\n", "\r\n").encode("cp1251")


def test_no_list_or_an_unresolved_citation_is_refused_and_nothing_written(tmp_path):
    result = run_cli("fix", str(SEED), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "no reference list" in result.stderr
    broken = _write(tmp_path, "broken.txt", PAPER.replace("[4, с. 7; 1]", "[4, с. 7; 9]"))
    result = run_cli("fix", str(broken), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "[9]" in result.stderr
    assert not (tmp_path / "out").exists()


def test_never_writes_over_its_input(tmp_path):
    paper = _write(tmp_path, "paper.txt", PAPER)
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path))
    assert result.returncode == 2 and "overwrite" in result.stderr
    assert paper.read_text(encoding="utf-8") == PAPER


def test_bib_is_reordered_and_numeric_keys_renumbered(tmp_path):
    bib = _write(tmp_path, "refs.bib", "@string{pub = {Nauka}}\n\n@book{1, title = {First}, publisher = pub}\n\n@book{2, title = {Second}}\n\n@article{3, title = {Third}}\n")
    paper = _write(tmp_path, "p.txt", "A claim [3], and another [1, p. 4], and [2].\n")
    result = run_cli("fix", str(paper), "--bib", str(bib), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "p.txt").read_text(encoding="utf-8") == "A claim [1], and another [2, p. 4], and [3].\n"
    assert (tmp_path / "out" / "refs.bib").read_text(encoding="utf-8") == (
        "@string{pub = {Nauka}}\n\n@article{1, title = {Third}}\n\n@book{2, title = {First}, publisher = pub}\n\n@book{3, title = {Second}}\n"
    )
    check = run_cli("check", str(tmp_path / "out" / "p.txt"), "--bib", str(tmp_path / "out" / "refs.bib"))
    assert check.returncode == 0 and "CIT003" not in check.stdout


def test_markdown_list_is_renumbered(tmp_path):
    md = _write(tmp_path, "p.md", "# Intro\n\nSee [2] and then [1].\n\n# References\n\n1. Alpha.\n2. Beta.\n")
    result = run_cli("fix", str(md), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "p.md").read_text(encoding="utf-8") == "# Intro\n\nSee [1] and then [2].\n\n# References\n\n1. Beta.\n2. Alpha.\n"


def test_a_paper_already_in_order_is_copied_unchanged(tmp_path):
    result = run_cli("fix", str(DEMO), "--bib", str(DEMO_BIB), "--renumber", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / DEMO.name).read_bytes() == DEMO.read_bytes()
    assert "already in order" in result.stdout


@pytest.mark.parametrize(
    "numbers, ranges, expected",
    [([3, 1, 2, 5], True, "1–3, 5"), ([3, 1, 2, 5], False, "1, 2, 3, 5"), ([2, 1], True, "1, 2"), ([4, 4, 7], True, "4, 7")],
)
def test_compact_writes_runs_of_three_as_ranges(numbers, ranges, expected):
    assert compact(numbers, "–", ranges) == expected


def test_split_keeping_ends_counts_lines_as_the_readers_do():
    assert split_keeping_ends("a\r\nb\rc\nd") == ["a\r\n", "b\r", "c\n", "d"]


# CI lays shared/ beside the clone; a developer's worktree finds it at /work/shared.
CORPUS_DOCX = next((p / "docx" / "ru_tyurnin_mobile_build.docx" for p in (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()), Path("/nonexistent"))


@pytest.mark.skipif(not CORPUS_DOCX.exists(), reason="the development corpus is not beside the checkout")
def test_docx_is_renumbered_in_the_authors_own_file(tmp_path):
    """A real Word paper (citations glued to words, a Word-numbered list) first cites 1, 2, 5, 6…"""
    import hashlib
    import json
    import zipfile

    import docx

    source = tmp_path / CORPUS_DOCX.name
    source.write_bytes(CORPUS_DOCX.read_bytes())
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    result = run_cli("fix", str(source), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "5 → 3" in result.stdout and "3 → 10" in result.stdout
    fixed = tmp_path / "out" / source.name
    assert "CIT003" in run_cli("check", str(source)).stdout and "CIT003" not in run_cli("check", str(fixed)).stdout
    refs = lambda p: [r["text"] for r in json.loads(run_cli("inspect", str(p)).stdout)["references"]]  # noqa: E731
    before, after = refs(source), refs(fixed)
    assert sorted(before) == sorted(after) and after[2] == before[4]  # old entry 5 (CocoaPods) is now 3
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(fixed) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(n) == b.read(n) for n in a.namelist() if n != "word/document.xml")
    plain = lambda p: sorted(par.text for par in docx.Document(str(p)).paragraphs if "[" not in par.text)  # noqa: E731
    assert plain(source) == plain(fixed)  # paragraphs without citations: the list moved, nothing else changed
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
