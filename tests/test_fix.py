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


# ---- positions checked against the file (issue 17, item 2) --------------------------------------

LIST_RU = "\nСписок литературы\n\n1. Иванов И. Книга. М., 2000.\n2. Петров П. Другая книга. М., 2001.\n"
BODY_RU = "Торговля между степью и Синьцзяном развивалась медленно [2]. Потом [1].\n"


def test_a_line_repaired_from_mojibake_is_refused_not_overwritten(tmp_path):
    """The reader repairs the line (TXT003) and counts columns in the repaired text; the file
    holds the mojibake, where those columns fall inside words (`РЎРёРЅСЊС†Р·[1]ЅРѕРј`)."""
    mojibake = BODY_RU.encode("utf-8").decode("cp1251")
    paper = _write(tmp_path, "paper.txt", "мәтін\n" + mojibake + LIST_RU)
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith(f"exporter: not renumbered: {paper}:2:") and result.stderr.count("\n") == 1
    assert "the citation [2] was read here" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_markdown_table_cell_with_an_escaped_bar_is_never_edited_at_the_wrong_column(tmp_path):
    md = "# T\n\nSee [2] and [1].\n\n| a | b |\n|---|---|\n| x \\| y [2] | see \\| z [1] |\n\n# References\n\n1. A. Book. 2000.\n2. B. Other. 2001.\n"
    paper = _write(tmp_path, "p.md", md)
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    if result.returncode == 0:  # a reader that maps columns through the escape: then the edit must be right
        expected = md.replace("See [2] and [1]", "See [1] and [2]").replace("y [2] | see \\| z [1]", "y [1] | see \\| z [2]")
        expected = expected.replace("1. A. Book. 2000.\n2. B. Other. 2001.", "1. B. Other. 2001.\n2. A. Book. 2000.")
        assert (tmp_path / "out" / "p.md").read_text(encoding="utf-8") == expected
    else:
        assert result.returncode == 1 and "not renumbered" in result.stderr
        assert not (tmp_path / "out").exists()


TEXT_EN = "Text [2] and [1].\n\nReferences\n\n1. Alpha A. Book. 2000.\n2. Beta B. Other. 2001.\n"
FIXED_EN = "Text [1] and [2].\n\nReferences\n\n1. Beta B. Other. 2001.\n2. Alpha A. Book. 2000.\n"


@pytest.mark.parametrize("bom, codec", [(b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"), (b"\xef\xbb\xbf", "utf-8"), (b"", "utf-8")])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_byte_order_mark_byte_order_and_line_ends_come_back_as_they_were(tmp_path, bom, codec, newline):
    paper = tmp_path / "paper.txt"
    paper.write_bytes(bom + TEXT_EN.replace("\n", newline).encode(codec))
    result = run_cli("fix", str(paper), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "paper.txt").read_bytes() == bom + FIXED_EN.replace("\n", newline).encode(codec)


CORPUS_IQBAL = next((p / "pdf" / "en_iqbal_requirement_prioritization.txt" for p in (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()), Path("/nonexistent"))


@pytest.mark.skipif(not CORPUS_IQBAL.exists(), reason="the development corpus is not beside the checkout")
def test_a_citation_among_the_moving_list_lines_is_refused(tmp_path):
    """A two-column IEEE paper whose text runs on between entries of its list: its citation
    `[12]` at line 1103 stands between entries 5 and 6, lines that move (it once came out as
    `[15]uct Development`, glued over a moved entry's words)."""
    result = run_cli("fix", str(CORPUS_IQBAL), "--renumber", "--out", str(tmp_path / "out"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"exporter: not renumbered: {CORPUS_IQBAL}:1103:1: a citation to rewrite stands among the lines of the reference list, which move\n"
    assert not (tmp_path / "out").exists()


# ---- the .bib: nothing lost, bytes kept (issue 17, item 4) ----------------------------------------

BIB_PAPER = "A claim [2], and another [1].\n"


def test_a_bib_holding_a_record_the_reader_skips_is_refused_not_dropped(tmp_path):
    bib = _write(tmp_path, "refs.bib", "@book{1, title = {First}}\n\n@book{2, title = {Second}, year = {2000}, year = {2001}}\n\n@book{3, title = {Third}}\n")
    paper = _write(tmp_path, "p.txt", "A claim [3], and another [1].\n")
    result = run_cli("fix", str(paper), "--bib", str(bib), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"exporter: not renumbered: {bib}:3: this entry cannot be read (BIB002 or BIB001 in `check`); fix it first: renumbering cannot tell which number it holds\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("encoding, bom, newline", [("cp1251", b"", "\r\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-16-le", b"\xff\xfe", "\n"), ("utf-8", b"", "\r")])
def test_the_bib_keeps_its_encoding_and_line_ends(tmp_path, encoding, bom, newline):
    text = "% мои источники\n@string{pub = {Наука}}\n\n@book{1, title = {Первая},\n  publisher = pub}\n\n@book{2, title = {Вторая}}\n"
    bib = tmp_path / "refs.bib"
    bib.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    paper = _write(tmp_path, "p.txt", BIB_PAPER)
    result = run_cli("fix", str(paper), "--bib", str(bib), "--renumber", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    # Worked out by hand: the comment and @string first, then entry 2 (now 1), then entry 1 (now 2).
    expected = "% мои источники\n\n@string{pub = {Наука}}\n\n@book{1, title = {Вторая}}\n\n@book{2, title = {Первая},\n  publisher = pub}\n"
    assert (tmp_path / "out" / "refs.bib").read_bytes() == bom + expected.replace("\n", newline).encode(encoding)
