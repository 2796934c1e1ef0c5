"""A paper's first build typesets its formulas on every core (`typeset_ahead`, the `mathfork`
speed-up): the same drawings as typesetting each in turn, from other processes."""

from __future__ import annotations

import os
import uuid

import pytest

from exporter.media import formulas
from exporter.media.formulas import typeset, typeset_ahead


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """Each ziamath typesetting's process id, written to a file (forked workers inherit the patch)."""
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("EXPORTER_PLAIN", raising=False)
    monkeypatch.setattr(formulas, "_usable_cores", lambda: 2)
    log = tmp_path / "pids"
    real = formulas._ziamath_svg

    def spy(tex, display):
        with open(log, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(tex, display)

    monkeypatch.setattr(formulas, "_ziamath_svg", spy)
    return lambda: [int(line) for line in log.read_text().split()] if log.exists() else []


def distinct(n: int) -> list[tuple[str, bool]]:
    tag = uuid.uuid4().hex[:6]  # never in this process's cache from another test
    return [(f"x_{{{i}}}^{{2}} + \\frac{{{tag}}}{{{i + 1}}}", i % 2 == 0) for i in range(n)]


def test_formulas_typeset_in_workers_draw_the_same(recorded):
    batch = distinct(2 * formulas.AHEAD_PER_WORKER)
    typeset_ahead(batch)()
    pids = recorded()
    assert len(pids) == len(batch) and os.getpid() not in pids  # every one typeset in a worker
    ahead = [typeset(tex, display) for tex, display in batch]
    assert len(recorded()) == len(batch)  # taken from the workers' SVGs: none typeset again here
    formulas._typeset.cache_clear()
    os.environ["EXPORTER_PLAIN"] = "mathfork"
    try:
        for (tex, display), drawn in zip(batch, ahead):  # the user cache now answers: same SVG
            assert typeset(tex, display) == drawn
    finally:
        del os.environ["EXPORTER_PLAIN"]


def test_a_few_formulas_are_typeset_here(recorded):
    batch = distinct(2 * formulas.AHEAD_PER_WORKER - 1)  # too few for two workers
    typeset_ahead(batch)()
    assert recorded() == []
    typeset(*batch[0])
    assert recorded() == [os.getpid()]


def test_a_formula_ziamath_refuses_is_refused_as_before(recorded):
    batch = distinct(2 * formulas.AHEAD_PER_WORKER) + [(r"\notacommand{x}", False)]
    typeset_ahead(batch)()
    with pytest.raises(formulas.FormulaError):
        typeset(r"\notacommand{x}")
