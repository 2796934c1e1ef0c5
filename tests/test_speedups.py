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
