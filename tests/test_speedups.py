"""The speed-ups (exporter/speedups.py) change time only: the fast and the plain path give the
same bytes; and a Python caller of the build keeps its garbage collector as it was (bug 5)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from helpers import DEMO, DEMO_BIB, REPO, SEED

from exporter import speedups


def build(out, plain: str, cache) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPORTER_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("EXPORTER_PLAIN", None)
    if plain:
        env["EXPORTER_PLAIN"] = plain
    for source, bib in ((SEED, None), (DEMO, DEMO_BIB)):
        args = [sys.executable, "-m", "exporter", "build", str(source), "--out", str(out)] + (["--bib", str(bib)] if bib else [])
        result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_fast_and_plain_paths_give_identical_bytes(tmp_path):
    cache = tmp_path / "cache"
    build(tmp_path / "warm", "", cache)  # the fast path reads what this run cached (fonts, Jinja)
    fast = build(tmp_path / "fast", "", cache)
    plain = build(tmp_path / "plain", "all", cache)
    assert sorted(fast) == sorted(plain) and len(fast) == 8
    for name in fast:
        assert fast[name] == plain[name], name


@pytest.mark.parametrize("value, on", [("", True), ("all", False), ("1", False), ("fork,gc", False), ("rlfont", True)])
def test_one_switch(monkeypatch, value, on):
    monkeypatch.setenv("EXPORTER_PLAIN", value)
    assert speedups.enabled("gc") is on


def test_build_from_python_leaves_the_collector_as_it_was(tmp_path):
    from exporter.build import build_many
    from exporter.venue import Template

    gc.unfreeze()  # whatever an earlier test left
    before = (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled())
    folder = str(Template.load("kz-conference").folder)
    results = list(build_many([(str(SEED), None)], folder, ["latex"], tmp_path, workers=1))
    assert isinstance(results[0], tuple)
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
    assert gc.get_freeze_count() == 0  # build_many froze everything alive before (bug 5)


def test_a_check_collects_less_only_as_the_command(tmp_path, capsys):
    """`exporter check` (the command: main() reading sys.argv) freezes what is alive and collects
    the young generation less often, printing the same as with EXPORTER_PLAIN=gc; a Python
    caller of main keeps its collector as it was."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPORTER_CACHE_DIR": str(tmp_path)}
    env.pop("EXPORTER_PLAIN", None)
    probe = "import gc, sys; from exporter import cli; code = cli.main(); print(gc.get_threshold()[0], gc.get_freeze_count() > 0, code)"
    runs = {}
    for plain in ("", "gc"):
        result = subprocess.run([sys.executable, "-c", probe, "check", str(SEED)], env={**env, "EXPORTER_PLAIN": plain},
                                capture_output=True, text=True, timeout=120)
        *report, state = result.stdout.splitlines()
        runs[plain] = (report, state)
    assert runs[""][0] == runs["gc"][0] and runs[""][0]
    assert runs[""][1].split()[:2] == ["10000", "True"] and runs["gc"][1].split()[:2] == ["700", "False"]  # Python's own
    from exporter import cli

    gc.unfreeze()
    before = (gc.get_threshold(), gc.get_freeze_count())
    cli.main(["check", str(SEED)])
    capsys.readouterr()
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_several_papers_use_every_usable_core_by_default(monkeypatch):
    from exporter import build

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert build.usable_cores() == 3
    assert build.default_workers(5) == 3 and build.default_workers(1) == 1


# ---- fork: the PDF child, forked before the paper is read -----------------------------------

needs_two_cores = pytest.mark.skipif(not hasattr(os, "fork") or __import__("exporter.build").build.usable_cores() < 2,
                                     reason="the PDF child is forked only with a second core")


def _children() -> set[int]:
    """Processes whose parent is this one (still running or not yet waited for); a test compares
    them before and after, as earlier tests may have left workers of their own."""
    found = set()
    for stat in os.listdir("/proc"):
        if stat.isdigit():
            try:
                fields = open(f"/proc/{stat}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                found.add(int(stat))
    return found


def _render(formats, split, source=DEMO, bib=DEMO_BIB, style=None):
    from exporter.build import render
    from exporter.venue import Template

    rendered = render(str(source), str(bib) if bib else None, Template.load("kz-conference"), formats, REPO / "dist-not-written", split, style)
    return {path.name: data for path, data in rendered.files.items()}


@needs_two_cores
@pytest.mark.parametrize("source, bib", [(DEMO, DEMO_BIB), (SEED, None)])
def test_the_forked_pdf_child_gives_the_bytes_of_one_process(monkeypatch, source, bib):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    from exporter import build

    before = _children()
    forked: list[int] = []
    start = build._ForkedRender.start
    monkeypatch.setattr(build._ForkedRender, "start", classmethod(lambda cls, *a: forked.append(1) or start(*a)))
    together = _render(["docx", "pdf", "latex"], True, source, bib)
    assert forked == [1]  # the split path was taken
    alone = _render(["docx", "pdf", "latex"], False, source, bib)
    assert together == alone and together[f"{source.stem}.pdf"].startswith(b"%PDF-")
    assert _children() <= before


@needs_two_cores
def test_the_pdf_childs_error_comes_back_in_the_order_of_the_editions(monkeypatch):
    """The child renders the PDF: its error is raised here, before those of editions listed
    after it, after those listed before it (as one edition after another would)."""
    from exporter.diagnostics import InputError
    from exporter.writers import latex, pdf

    def pdf_fails(edition):
        raise InputError("pdf", "the PDF's own failure")

    def latex_fails(edition):
        raise InputError("latex", "the LaTeX failure")

    before = _children()
    monkeypatch.setattr(pdf, "render", pdf_fails)  # the child is forked from this process: it has the patch
    with pytest.raises(InputError, match="PDF's own"):
        _render(["docx", "pdf"], True)
    monkeypatch.setattr(latex, "render", latex_fails)
    with pytest.raises(InputError, match="PDF's own"):
        _render(["pdf", "latex"], True)
    with pytest.raises(InputError, match="LaTeX failure"):
        _render(["latex", "pdf"], True)
    assert _children() <= before


@needs_two_cores
def test_a_paper_that_cannot_be_read_stops_the_pdf_child(tmp_path):
    from exporter.diagnostics import InputError

    missing = tmp_path / "missing.txt"
    before = _children()
    with pytest.raises(InputError):
        _render(["docx", "pdf"], True, missing, None)
    assert _children() <= before  # killed and waited for, never left behind


@needs_two_cores
def test_a_pdf_child_that_dies_costs_only_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    from exporter.writers import pdf

    alone = _render(["docx", "pdf"], False)
    before = _children()
    monkeypatch.setattr(pdf, "preload", lambda template: os._exit(9))  # the child dies before it is sent the edition
    assert _render(["docx", "pdf"], True) == alone
    assert _children() <= before


# ---- subsets: the PDF's unhinted font subsets kept between runs ------------------------------

def test_a_rebuild_takes_the_unhinted_subsets_from_the_cache(monkeypatch, tmp_path):
    """fontTools is asked once per subset program; the next render of the same paper reads what
    it made from the user's cache (same bytes); with the speed-up off it is asked again."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
    from exporter.media import pdfsize

    asked: list[int] = []
    real = pdfsize.unhinted.__wrapped__  # past the per-process lru_cache

    def counting(program):
        asked.append(len(program))
        return real(program)

    monkeypatch.setattr(pdfsize, "unhinted", counting)
    first = _render(["pdf"], False)
    made = len(asked)
    assert made >= 2 and list(tmp_path.glob("unhinted-*.bin"))
    second = _render(["pdf"], False)
    assert len(asked) == made and second == first
    monkeypatch.setenv("EXPORTER_PLAIN", "subsets")
    assert _render(["pdf"], False) == first and len(asked) == 2 * made


@needs_two_cores
def test_a_paper_with_a_refused_picture_crosses_to_the_pdf_child(monkeypatch):
    """The edition sent to the child holds each picture's refusal (a MediaError, whose
    arguments pickle did not keep: the child failed with a TypeError, exit 3); it renders the
    same bytes as one process, and an edition that still cannot cross is rendered here."""
    import pickle

    from exporter.media.images import MediaError

    error = pickle.loads(pickle.dumps(MediaError("x.png", "truncated")))
    assert (error.name, error.reason, str(error)) == ("x.png", "truncated", "x.png: truncated")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paper = REPO / "tests" / "hostile" / "corpus" / "media-truncated-png" / "paper.docx"
    before = _children()
    alone = _render(["docx", "pdf"], False, paper, None)
    assert _render(["docx", "pdf"], True, paper, None) == alone
    monkeypatch.setattr(MediaError, "__reduce__", lambda self: (MediaError, (str(self),)))  # as before: cannot be rebuilt
    assert _render(["docx", "pdf"], True, paper, None) == alone
    assert _children() <= before
