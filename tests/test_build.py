"""`exporter build`: the shipped papers end to end, determinism, atomic writes, packaging."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import DEMO, DEMO_BIB, REPO, SEED, run_cli

from exporter import build as build_module
from exporter.venue import Template

PDFFONTS = shutil.which("pdffonts")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A folder laid out like the repository (source/, references/), as a user has it."""
    root = tmp_path_factory.mktemp("project")
    (root / "source").mkdir()
    (root / "references").mkdir()
    shutil.copy(SEED, root / "source" / SEED.name)
    shutil.copy(DEMO, root / "source" / DEMO.name)
    shutil.copy(DEMO_BIB, root / "references" / DEMO_BIB.name)
    return root


@pytest.fixture(scope="module")
def built(project) -> tuple[Path, subprocess.CompletedProcess]:
    result = run_cli("build", cwd=project)
    return project / "dist", result


def test_build_without_sources_builds_every_paper_into_dist(built):
    dist, result = built
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in dist.iterdir()) == sorted(
        f"{stem}{suffix}"
        for stem in ("demo-typesetting", "kz-china-relations")
        for suffix in (".docx", ".pdf", ".tex", ".report.json")
    )
    summaries = [line for line in result.stdout.splitlines() if " citations, " in line]
    assert summaries == [
        "source/demo-typesetting.txt: 8 citations, 8 resolved, 0 unresolved labels, 6 entries, 0 errors, 0 warnings",
        "source/kz-china-relations.txt: 8 citations, 0 resolved, 7 unresolved labels (1, 2, 5, 9, 11, 12, 13), 0 entries, 8 errors, 4 warnings",
    ]


def test_report_json_is_the_check_json_object(built, project):
    dist, _ = built
    for stem, bib in (("kz-china-relations", None), ("demo-typesetting", "references/demo-typesetting.bib")):
        args = ["check", "--json", f"source/{stem}.txt"] + (["--bib", bib] if bib else [])
        expected = json.loads(run_cli(*args, cwd=project).stdout)
        assert json.loads((dist / f"{stem}.report.json").read_text(encoding="utf-8")) == expected


def test_the_demo_uses_its_bib_and_links_every_citation(built):
    dist, _ = built
    report = json.loads((dist / "demo-typesetting.report.json").read_text(encoding="utf-8"))
    assert report["bibliography"] == "references/demo-typesetting.bib"
    assert report["unresolved"] == [] and all(c["resolved"] for c in report["citations"])
    assert [c["entry"] for c in report["citations"]] == [
        "knuth1984", "lamport1994", "mittelbach2004", "bringhurst1992", "patashnik1988", "goedel1931", "knuth1984", "lamport1994",
    ]


def test_naming_a_paper_takes_the_same_bibliography_as_building_them_all(built, project, tmp_path):
    """Issue 19: `build` took references/<stem>.bib, `build source/<stem>.txt` did not, so the
    same paper gave two editions. Both now take it (and --bib, when given, wins)."""
    dist, _ = built
    named = run_cli("build", "source/demo-typesetting.txt", "--out", str(tmp_path), "--to", "latex", cwd=project)
    assert named.returncode == 0, named.stderr
    report = json.loads((tmp_path / "demo-typesetting.report.json").read_text(encoding="utf-8"))
    assert report == json.loads((dist / "demo-typesetting.report.json").read_text(encoding="utf-8"))
    assert report["bibliography"] == "references/demo-typesetting.bib"
    assert (tmp_path / "demo-typesetting.tex").read_bytes() == (dist / "demo-typesetting.tex").read_bytes()
    own = tmp_path / "own"
    alone = run_cli("build", "source/kz-china-relations.txt", "--bib", "references/demo-typesetting.bib", "--out", str(own), "--to", "latex", cwd=project)
    assert alone.returncode == 0 and json.loads((own / "kz-china-relations.report.json").read_text(encoding="utf-8"))["bibliography"] == "references/demo-typesetting.bib"


def test_rebuilding_gives_identical_bytes(built, project, tmp_path):
    dist, _ = built
    again = run_cli("build", "--out", str(tmp_path), cwd=project)
    assert again.returncode == 0
    for path in dist.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_strict_fails_on_unresolved_citations_only(project, tmp_path):
    seed = run_cli("build", "--strict", "--to", "latex", "--out", str(tmp_path), "source/kz-china-relations.txt", cwd=project)
    demo = run_cli("build", "--strict", "--to", "latex", "--out", str(tmp_path), "--bib", "references/demo-typesetting.bib", "source/demo-typesetting.txt", cwd=project)
    assert (seed.returncode, demo.returncode) == (1, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "demo-typesetting.report.json", "demo-typesetting.tex", "kz-china-relations.report.json", "kz-china-relations.tex",
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--to", "odt"], "exporter: error: --to: unknown edition odt; choose from docx, pdf, latex, html, zip"),
        (["--template", "nope"], "exporter: error: nope: no such template (available: article, ieee-conference, kz-conference, kz-journal, springer-lncs)"),
        (["--jobs", "0"], "exporter: error: --jobs: must be at least 1"),
    ],
)
def test_bad_build_options_give_one_line_and_exit_2(project, args, message, tmp_path):
    result = run_cli("build", *args, "--out", str(tmp_path / "out"), "source/kz-china-relations.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_jobs_builds_the_same_bytes_in_parallel(project, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    sources = ["source/kz-china-relations.txt", "source/demo-typesetting.txt"]
    a = run_cli("build", "--to", "pdf,docx", "--out", str(one), *sources, cwd=project)
    b = run_cli("build", "--to", "pdf,docx", "--out", str(two), "--jobs", "2", *sources, cwd=project)
    assert a.returncode == b.returncode == 0
    assert a.stdout.replace(str(one), "OUT") == b.stdout.replace(str(two), "OUT")
    for path in one.iterdir():
        assert (two / path.name).read_bytes() == path.read_bytes()


def test_a_failed_build_keeps_the_previous_edition_and_leaves_no_partial_file(tmp_path, monkeypatch):
    template = Template.load("kz-conference")
    build_module.build_one(str(DEMO), str(DEMO_BIB), template, ["latex", "pdf"], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    from exporter.writers import pdf

    def crash(edition):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf, "render", crash)
    with pytest.raises(OSError):
        build_module.build_one(str(DEMO), str(DEMO_BIB), template, ["latex", "pdf"], tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_atomic_write_failure_removes_its_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "paper.pdf"
    target.write_bytes(b"previous edition")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module.os, "replace", fail)
    with pytest.raises(OSError):
        build_module.atomic_write(target, b"new edition")
    assert target.read_bytes() == b"previous edition"
    assert [p.name for p in tmp_path.iterdir()] == ["paper.pdf"]


@pytest.mark.parametrize(
    "name, stem",
    [("paper.txt", "paper"), ("../../etc/passwd", "passwd"), ("стат ья (1).txt", "стат_ья__1_"), (".hidden.txt", "hidden"), ("...txt", "paper")],
)
def test_output_names_are_safe(name, stem):
    assert build_module.safe_stem(name) == stem


@pytest.mark.skipif(not PDFFONTS, reason="pdffonts not installed (the README's setup installs poppler-utils)")
def test_every_pdf_font_is_embedded(built):
    dist, _ = built
    for pdf in dist.glob("*.pdf"):
        rows = subprocess.run([PDFFONTS, str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert rows, pdf
        assert all(row.split()[-5] == "yes" for row in rows), rows


def test_templates_lists_the_shipped_venues():
    result = run_cli("templates")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["article", "ieee-conference", "kz-conference", "kz-journal", "springer-lncs"]
    assert all(len(line.split(maxsplit=1)) == 2 for line in result.stdout.splitlines())  # each with its description


def test_the_wheel_carries_the_templates_and_runs_from_any_folder(tmp_path):
    """After a plain `pip install .` the venues travel inside the package (as exporter/venues)."""
    tree = tmp_path / "tree"  # a copy, so the build leaves nothing in the checkout
    for part in ("exporter", "templates"):
        shutil.copytree(REPO / part, tree / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / part, tree / part)
    wheel_dir = tmp_path / "wheel"
    subprocess.run(  # offline: setuptools comes from the test extras, not a download
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheel_dir), str(tree)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = wheel_dir.glob("exporter-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for venue in ("article", "kz-conference"):
        for part in ("template.toml", "bibliography.j2"):
            assert f"exporter/venues/{venue}/{part}" in names
    assert "exporter/venues/shared/document.tex.j2" in names  # the LaTeX shell every venue shares
    for part in ("ieee-conference/document.tex.j2", "springer-lncs/document.tex.j2", "springer-lncs/springer-lecture-notes-in-computer-science.csl",
                 "springer-lncs/LICENSE", "kz-journal/transliteration.toml", "kz-journal/README.md", "shared/fonts-and-languages.tex.j2"):
        assert f"exporter/venues/{part}" in names
    for language in ("kk", "ru"):  # the compiled catalogs the findings are said from
        assert f"exporter/messages/{language}/LC_MESSAGES/exporter.mo" in names
    for module in ("readers/markdown/__init__.py", "readers/markdown/reader.py", "references/tagger/normalise.py"):
        assert f"exporter/{module}" in names  # subpackages are listed one by one in pyproject.toml
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    where = subprocess.run([sys.executable, "-c", "import exporter; print(exporter.__file__)"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert where.stdout.strip() == str(site / "exporter" / "__init__.py")  # the wheel's copy, not the checkout
    result = subprocess.run(
        [sys.executable, "-m", "exporter", "build", "--to", "latex", "--out", "out", str(SEED)],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "out" / "kz-china-relations.tex").is_file()
    russian = subprocess.run([sys.executable, "-m", "exporter", "check", "--lang", "ru", str(SEED)], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert "у ссылки [9] нет записи: в статье нет списка литературы" in russian.stdout


def test_build_prints_findings_as_check_does_even_a_message_with_a_newline(tmp_path):
    """Bug 4: build had its own formatter, so a crossref holding a line break printed on two lines."""
    (tmp_path / "p.txt").write_text("Мәтін [1] бар.\n", encoding="utf-8")
    (tmp_path / "p.bib").write_text("@article{one,\n  title = {A},\n  crossref = {no\nsuch},\n  number = {1}\n}\n", encoding="utf-8")
    check = run_cli("check", "p.txt", "--bib", "p.bib", cwd=tmp_path)
    build = run_cli("build", "p.txt", "--bib", "p.bib", "--to", "latex", "--out", "out", cwd=tmp_path)
    finding = "p.bib:1:1: warning[BIB004]: entry 'one' has crossref 'no such', which is not in the file"
    assert check.stdout.splitlines()[0] == finding
    assert build.stdout.splitlines()[0] == finding
    assert build.stdout.splitlines()[1] == check.stdout.splitlines()[1]  # the summary line
