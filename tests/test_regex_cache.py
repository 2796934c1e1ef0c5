"""The regular expressions kept between runs (exporter/regex_cache.py, the `regex` speed-up): a
pattern rebuilt from the cache is the one `re` compiles, the modules take it from `re`'s cache,
and a broken, foreign or switched-off cache changes nothing but time."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import REPO, SEED

from exporter import regex_cache, speedups
from exporter.usercache import read_entry, write_entry

# Run in a fresh interpreter: warm the cache, import what `check` imports, then report.
_PROBE = r"""
import re, sys
from re import _compiler
from exporter import regex_cache
before = set(re._cache)
regex_cache.warm()
warmed = {key: re._cache[key] for key in re._cache if key not in before}
# every warmed pattern is the one re's own compiler makes of it (Pattern.__eq__ compares programs)
different = [key[1] for key, pattern in warmed.items() if pattern != _compiler.compile(key[1], key[2])]
from exporter.references import fields
from exporter.readers.plaintext import frontmatter
held = [fields._NAME_SEPARATOR, frontmatter.STRONG_NAME]
taken = [any(pattern is value for value in warmed.values()) for pattern in held]
print(len(warmed), len(different), *taken)
"""


def _env(cache, **extra) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPORTER_CACHE_DIR": str(cache), **extra}
    env.pop("EXPORTER_PLAIN", None)
    env.update(extra)
    return env


def _check(cache, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exporter", "check", "--json", str(SEED)], env=_env(cache, **extra),
                          capture_output=True, text=True, timeout=120)


def _probe(cache, **extra) -> list[str]:
    result = subprocess.run([sys.executable, "-c", _PROBE], env=_env(cache, **extra), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_python_still_has_the_re_internals_the_cache_uses():
    """Fails when Python is upgraded: then re-read re._compiler.compile and the version in speedups.PRIVATE."""
    speedups.supported.cache_clear()
    assert speedups.supported("regex"), f"Python {sys.version_info[:2]}: the regex cache is off (see exporter/regex_cache.py)"


def test_a_check_stores_its_patterns_and_the_next_run_takes_them_from_the_cache(tmp_path):
    first = _check(tmp_path)
    assert first.returncode in (0, 1), first.stderr
    assert (tmp_path / f"regex-{sys.implementation.cache_tag}.bin").is_file()
    count, different, *taken = _probe(tmp_path)
    assert int(count) > 100  # the readers' and checks' patterns (≈ 120 in a check of the seed)
    assert different == "0"
    assert taken == ["True", "True"]  # the modules hold the very objects warm() made
    again = _check(tmp_path)
    assert again.stdout == first.stdout


def test_switched_off_nothing_is_read_or_written(tmp_path):
    assert _check(tmp_path, EXPORTER_PLAIN="regex").returncode in (0, 1)
    assert not list(tmp_path.glob("regex-*"))
    _check(tmp_path)
    assert _probe(tmp_path, EXPORTER_PLAIN="regex")[0] == "0"


@pytest.mark.parametrize("damage", ["truncated", "wrong program", "not a list"])
def test_a_damaged_cache_is_ignored(tmp_path, damage):
    plain = _check(tmp_path, EXPORTER_PLAIN="regex")
    name = f"regex-{sys.implementation.cache_tag}.bin"
    _check(tmp_path)
    if damage == "truncated":
        data = (tmp_path / name).read_bytes()
        (tmp_path / name).write_bytes(data[: len(data) // 2])
    else:
        os.environ["EXPORTER_CACHE_DIR"] = str(tmp_path)
        try:
            key = regex_cache._key()
            table = read_entry(name, key)
            if damage == "wrong program":  # every entry's program cut short: _sre refuses it
                table = [entry[:4] + (entry[4][:8],) + entry[5:] for entry in table]
            else:
                table = {"a": 1}
            write_entry(name, key, table)
        finally:
            del os.environ["EXPORTER_CACHE_DIR"]
    result = _check(tmp_path)
    assert result.returncode == plain.returncode and result.stdout == plain.stdout, result.stderr


def test_the_stored_patterns_are_bounded(tmp_path, monkeypatch):
    """Patterns built from a paper's words would pile up run after run: past MAX_ENTRIES the
    file starts again from this run's new patterns."""
    import re

    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EXPORTER_PLAIN", raising=False)
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 5)
    monkeypatch.setattr(regex_cache, "_stored", [])
    monkeypatch.setattr(regex_cache, "_known", set(re._cache))
    for n in range(4):
        re.compile(f"bounded-{n}-[a-z]+")
    regex_cache.remember()
    assert len(read_entry(f"regex-{sys.implementation.cache_tag}.bin", regex_cache._key())) == 4
    for n in range(4, 7):
        re.compile(f"bounded-{n}-[a-z]+")
    regex_cache.remember()
    stored = read_entry(f"regex-{sys.implementation.cache_tag}.bin", regex_cache._key())
    assert [entry[1] for entry in stored] == [f"bounded-{n}-[a-z]+" for n in range(4, 7)]
