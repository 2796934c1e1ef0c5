"""The command line, run as a user runs it: `python -m exporter ...` in a subprocess."""

from __future__ import annotations

import json

import pytest

from helpers import DEMO, DEMO_BIB, SEED, run_cli


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


def test_check_seed_exits_1_with_8_citations_7_unresolved():
    result = run_cli("check", "source/kz-china-relations.txt")
    assert_no_traceback(result)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == (
        "source/kz-china-relations.txt: 8 citations, 0 resolved, 7 unresolved labels "
        "(1, 2, 5, 9, 11, 12, 13), 0 entries, 8 errors, 4 warnings"
    )
    assert lines[0] == "source/kz-china-relations.txt:283:17: error[CIT001]: [9] has no entry: there is no reference list"
    assert len(lines) == 13  # 12 findings + the summary
    assert result.stderr == ""


def test_check_json_seed():
    result = run_cli("check", "--json", str(SEED))
    assert_no_traceback(result)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["file"] == str(SEED)
    assert [(c["label"], c["line"], c["column"]) for c in report["citations"]] == [
        ("9", 283, 17), ("5", 316, 31), ("11", 356, 76), ("12", 396, 1),
        ("13", 473, 67), ("13", 478, 52), ("1", 486, 12), ("2", 506, 80),
    ]
    assert len(report["unresolved"]) == 7
    assert report["bibliography"] is None and report["entries"] == 0


@pytest.mark.parametrize("bib", [False, True])
def test_check_demo_exits_0(bib):
    args = ["check", str(DEMO)] + (["--bib", str(DEMO_BIB)] if bib else [])
    result = run_cli(*args)
    assert_no_traceback(result)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        f"{DEMO}: 8 citations, 8 resolved, 0 unresolved labels, 6 entries, 0 errors, 0 warnings"
    )
    assert ("note[REF002]" in result.stdout) is bib


def test_inspect_prints_the_model_and_exits_0_even_with_unresolved_citations():
    result = run_cli("inspect", "source/kz-china-relations.txt")
    assert_no_traceback(result)
    assert result.returncode == 0
    model = json.loads(result.stdout)
    assert model["meta"]["supervisor"] == "т.ғ.к., доцент Сейтказина Қ.О."
    assert "ҚАРЫМ-ҚАТЫНАСЫ" in result.stdout  # printed as UTF-8, not \u escapes


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["check", "no-such-paper.txt"], "no-such-paper.txt"),
        (["inspect", "no-such-paper.txt"], "no-such-paper.txt"),
        (["check", "--json", "no-such-paper.txt"], "no-such-paper.txt"),
        (["check", "source/demo-typesetting.txt", "--bib", "no-such.bib"], "no-such.bib"),
        (["check", "source"], "source"),  # a directory
    ],
)
def test_unreadable_input_exits_2_with_one_line_naming_the_file(args, name):
    result = run_cli(*args)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    err = result.stderr.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"exporter: error: {name}: ")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["frobnicate", "x.txt"], "invalid choice: 'frobnicate'"),
        ([], "required: command"),
        (["check"], "required: source"),
        (["check", "x.txt", "--nope"], "unrecognized arguments: --nope"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args, needle):
    result = run_cli(*args)
    assert_no_traceback(result)
    assert result.returncode == 2
    err = result.stderr.splitlines()
    assert len(err) == 1 and err[0].startswith("exporter: error: ")
    assert needle in err[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"%PDF-1.7\n...", "is named .txt but its bytes are a PDF; rename it to the right extension"),
        (b"   \n\n", "contains no text"),
    ],
)
def test_bad_file_contents_exit_2(tmp_path, content, message):
    path = tmp_path / "paper.txt"
    path.write_bytes(content)
    result = run_cli("check", "paper.txt", cwd=tmp_path)
    assert_no_traceback(result)
    assert result.returncode == 2
    err = result.stderr.splitlines()
    assert len(err) == 1 and err[0].startswith("exporter: error: paper.txt: ")
    assert message in err[0]


def test_cp1251_paper_is_read_with_a_note(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes("Торговля между степью и Синьцзяном [1].\n".encode("cp1251"))
    result = run_cli("check", "--json", "ru.txt", cwd=tmp_path)
    assert_no_traceback(result)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["encoding"] == "cp1251"
    assert [(c["label"], c["line"], c["column"]) for c in report["citations"]] == [("1", 1, 36)]
    # sorted by place: TXT002 at 1:1, the bracket at 1:36, REF001 on the last line (1:1 too)
    assert [(d["code"], d["line"], d["column"]) for d in report["diagnostics"]] == [
        ("REF001", 1, 1), ("TXT002", 1, 1), ("CIT001", 1, 36),
    ]


@pytest.mark.parametrize("command", ["check", "inspect", "build", "bib", "annotate"])
def test_every_command_taking_a_bibliography_names_each_format_it_reads(command):
    """Issue 19: `annotate --help` named only BibTeX, though it reads CSL-JSON and RIS too."""
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "BibTeX, CSL-JSON or RIS" in " ".join(result.stdout.split())
