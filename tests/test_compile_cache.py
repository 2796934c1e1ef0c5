"""What Python compiles at every start, kept between runs (exporter/compile_cache.py, the `regex`
and `dataclass` speed-ups): a pattern or a method from the cache is the one Python compiles, the
modules take it from there, and a damaged, foreign or switched-off cache changes nothing but time."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import REPO, SEED

from exporter import compile_cache, speedups
from exporter.usercache import read_entry, write_entry

# Run in a fresh interpreter: warm the caches, import what `check` imports, then report.
_PROBE = r"""
import dataclasses, re, sys
from re import _compiler
from exporter import cli, compile_cache  # as the command: its own imports come before warm()
before = set(re._cache)
compile_cache.warm("check")  # the files a check wrote
warmed = {key: re._cache[key] for key in re._cache if key not in before}
# every warmed pattern is the one re's own compiler makes of it (Pattern.__eq__ compares programs)
different = [key[1] for key, pattern in warmed.items() if pattern != _compiler.compile(key[1], key[2])]
from exporter.readers.plaintext import frontmatter, sections
held = [sections.TOKEN, frontmatter.STRONG_NAME]
taken = [any(pattern is value for value in warmed.values()) for pattern in held]
from exporter import model
print(len(warmed), len(different), *taken, len(compile_cache._methods), len(compile_cache._new_methods))
"""


def _env(cache, **extra) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXPORTER_CACHE_DIR": str(cache)}
    env.pop("EXPORTER_PLAIN", None)
    env.update(extra)
    return env


def _check(cache, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exporter", "check", "--json", str(SEED)], env=_env(cache, **extra),
                          capture_output=True, text=True, timeout=120)


def _probe(cache, **extra) -> list[int]:
    result = subprocess.run([sys.executable, "-c", _PROBE], env=_env(cache, **extra), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [int(x == "True") if x in ("True", "False") else int(x) for x in result.stdout.split()]


@pytest.mark.parametrize("name", ["regex", "dataclass"])
def test_python_still_has_the_internals_the_caches_use(name):
    """Fails when Python is upgraded: then re-read re._compiler.compile and dataclasses._create_fn,
    and the version in speedups.PRIVATE."""
    speedups.supported.cache_clear()
    assert speedups.supported(name), f"Python {sys.version_info[:2]}: the {name} cache is off (see exporter/compile_cache.py)"


def test_a_check_stores_what_it_compiled_and_the_next_run_takes_it_from_the_cache(tmp_path):
    first = _check(tmp_path)
    assert first.returncode in (0, 1), first.stderr
    assert {p.name.split("-")[0] for p in tmp_path.glob("*.bin")} == {"regex", "dataclass"}
    patterns, different, *taken, methods, new_methods = _probe(tmp_path)
    assert patterns > 100  # the readers' and checks' patterns (≈ 120 in a check of the seed)
    assert different == 0
    assert taken == [1, 1]  # the modules hold the very objects warm() made
    assert methods > 100 and new_methods == 0  # the model's methods came from the cache
    again = _check(tmp_path)
    assert again.stdout == first.stdout


def test_a_method_from_the_cache_is_the_one_exec_compiles(tmp_path, monkeypatch):
    """The code of a dataclass's methods with the cache equals dataclasses' own (code objects
    compare their bytecode, constants, names, flags and line table)."""
    import dataclasses
    import marshal

    def make():
        @dataclasses.dataclass(frozen=True, slots=True)
        class Point:
            x: int
            y: tuple = ()
        return Point

    plain = make()
    monkeypatch.setattr(compile_cache, "_methods", {})
    monkeypatch.setattr(compile_cache, "_new_methods", {})
    monkeypatch.setattr(dataclasses, "exec", compile_cache._exec, raising=False)
    fresh = make()
    assert compile_cache._new_methods  # dataclasses ran its sources through the cache's exec
    stored = {source: marshal.loads(marshal.dumps(code)) for source, code in compile_cache._new_methods.items()}
    monkeypatch.setattr(compile_cache, "_methods", stored)
    monkeypatch.setattr(compile_cache, "_new_methods", {})
    cached = make()
    assert not compile_cache._new_methods  # every method came from the stored code
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(cached, name).__code__ == getattr(fresh, name).__code__ == getattr(plain, name).__code__, name
    assert cached(1, (2,)) == cached(1, (2,)) and repr(cached(1)).endswith(".Point(x=1, y=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cached(1).x = 2


def test_switched_off_nothing_is_read_or_written(tmp_path):
    assert _check(tmp_path, EXPORTER_PLAIN="regex,dataclass").returncode in (0, 1)
    assert not list(tmp_path.glob("*.bin"))
    _check(tmp_path)
    assert _probe(tmp_path, EXPORTER_PLAIN="regex,dataclass")[0] == 0
    assert _probe(tmp_path, EXPORTER_PLAIN="regex,dataclass")[-2:] == [0, 0]


@pytest.mark.parametrize("damage", ["truncated", "wrong program", "not a list", "methods not code"])
def test_a_damaged_cache_is_ignored(tmp_path, monkeypatch, damage):
    plain = _check(tmp_path, EXPORTER_PLAIN="all")
    _check(tmp_path)
    kind = "dataclass" if damage == "methods not code" else "regex"
    name = f"{kind}-check-{sys.implementation.cache_tag}.bin"
    if damage == "truncated":
        for path in tmp_path.glob("*.bin"):
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
        key = compile_cache._key(kind)
        table = read_entry(name, key)
        if damage == "wrong program":  # every entry's program cut short: _sre refuses it
            table = [entry[:4] + (entry[4][:8],) + entry[5:] for entry in table]
        elif damage == "not a list":
            table = {"a": 1}
        else:
            table = {source: "pass" for source in table}
        write_entry(name, key, table)
    result = _check(tmp_path)
    assert result.returncode == plain.returncode and result.stdout == plain.stdout, result.stderr


_BOUNDED = r"""
import json, re, sys
from exporter import compile_cache
from exporter.usercache import read_entry
compile_cache.MAX_PATTERNS = 5
compile_cache._warmed = True
re.compile("warm-up-[a-z]+")
compile_cache.remember()  # what storing imports the first time compiles patterns of its own: before the count starts
compile_cache._patterns = []
compile_cache._pattern_keys = set(re._cache)
name, key = f"regex-{sys.implementation.cache_tag}.bin", compile_cache._key("regex")
seen = []
def ours():
    table = read_entry(name, key)
    seen.append(None if table is None else [entry[1] for entry in table if isinstance(entry[1], str) and entry[1].startswith("bounded-")])
for n in range(4):
    re.compile(f"bounded-{n}-[a-z]+")
compile_cache.remember(); ours()
for n in range(4, 7):
    re.compile(f"bounded-{n}-[a-z]+")
compile_cache.remember(); ours()
# The next run warms those five (as `warm` would: they are not new) and compiles the two that
# left: they come back in place of the two oldest, the other five stay (starting again here
# dropped all five and stored two, then all five again the run after).
for gone in [k for k in re._cache if k[1] in ("bounded-0-[a-z]+", "bounded-1-[a-z]+")]:
    del re._cache[gone]
    compile_cache._pattern_keys.discard(gone)
re.compile("bounded-0-[a-z]+"), re.compile("bounded-1-[a-z]+")
compile_cache.remember(); ours()
print(json.dumps(seen))
"""


def test_the_stored_patterns_are_bounded(tmp_path):
    """Patterns built from a paper's words would pile up run after run: past MAX_PATTERNS the
    oldest leave first, and a run that needs the bound's worth again compiles only what left.
    (In a process of its own: in the suite's, another test's threads and patterns share `re`'s
    cache, and once left nothing to store.)"""
    import json

    result = subprocess.run([sys.executable, "-c", _BOUNDED], env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    first, second, third = json.loads(result.stdout)
    assert first == [f"bounded-{n}-[a-z]+" for n in range(4)]
    assert second == [f"bounded-{n}-[a-z]+" for n in range(2, 7)]  # 4 + 3 > 5: the two oldest left
    assert third == [f"bounded-{n}-[a-z]+" for n in (4, 5, 6, 0, 1)]


def test_each_command_keeps_files_of_its_own(tmp_path):
    """A check reads back what checks compiled, not a build's writers' patterns: one shared file
    held both (more than MAX_PATTERNS) and started again at nearly every run."""
    from exporter import cli

    assert set(cli.COMMANDS) == set(cli._parser()._subparsers._group_actions[0].choices)
    _check(tmp_path)
    tag = sys.implementation.cache_tag
    assert sorted(p.name for p in tmp_path.glob("*.bin")) == [f"dataclass-check-{tag}.bin", f"regex-check-{tag}.bin"]


def test_a_builds_pdf_child_keeps_what_it_compiled_in_files_of_its_own(tmp_path, monkeypatch):
    """The PDF child of a one-paper build imports reportlab after it is forked: what it compiles
    (reportlab's URL pattern, the PDF writer's dataclasses) was never stored, because only the
    parent wrote the cache. It keeps files of its own, which the parent never writes over."""
    from exporter.build import usable_cores

    if not hasattr(os, "fork") or usable_cores() < 2:
        pytest.skip("the PDF child is forked only with a second core")
    from reportlab.platypus.paragraph import uri_pat  # a pattern only the PDF child compiles

    tag = sys.implementation.cache_tag
    build = [sys.executable, "-m", "exporter", "build", str(SEED), "--out", str(tmp_path / "out")]
    for _ in range(2):
        assert subprocess.run(build, env=_env(tmp_path / "cache"), capture_output=True, timeout=300).returncode == 0
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path / "cache"))
    stored = {kind: read_entry(f"regex-{kind}-{tag}.bin", compile_cache._key("regex")) for kind in ("build", "buildpdf")}
    patterns = {kind: {entry[1] for entry in table} for kind, table in stored.items()}
    assert uri_pat.pattern in patterns["buildpdf"] and uri_pat.pattern not in patterns["build"]
    assert read_entry(f"dataclass-buildpdf-{tag}.bin", compile_cache._key("dataclass"))


def test_a_pattern_made_in_hash_order_is_stored_once(monkeypatch):
    """reportlab's rl_safe_eval joins ~150 names from a set into one pattern, in another order
    in every process: each run stored one more (8 KB), rewrote the file, and never read them."""
    names = ["open", "eval", "exec", "compile", "globals"]
    stored = (False, r"\b(?:" + "|".join(names) + r")\b", 0)
    monkeypatch.setattr(compile_cache, "_patterns", [stored])
    monkeypatch.setattr(compile_cache, "_pattern_keys", {(str, stored[1], 0)})
    reordered = (str, r"\b(?:" + "|".join(reversed(names)) + r")\b", 0)
    other = (str, r"\b(?:" + "|".join(names[:-1] + ["locals!"]) + r")\b", 0)  # same length, other characters
    assert len(other[1]) == len(stored[1])
    assert compile_cache._not_reordered([reordered, other]) == [other]
    assert reordered in compile_cache._pattern_keys  # not weighed again in this run


_MANY = r"""
import re, sys
from re import _compiler
from exporter import compile_cache
compile_cache.warm("check")
compiled = []
original = _compiler.compile
_compiler.compile = lambda pattern, flags=0: compiled.append(pattern) or original(pattern, flags)
for n in range(600):
    re.search(f"many-{n}-[a-z]+", "text")  # as a reader's inline patterns are used
compile_cache.remember()
print(sum(p.startswith("many-") for p in compiled))
"""


def test_a_run_using_more_patterns_than_res_own_cache_compiles_none_of_them_next_time(tmp_path):
    """A PDF's check uses some 530 patterns, more than Python's own cache holds (512, the oldest
    dropped first): the warmed ones were pushed out by the last compiled, the file kept only the
    last ones, and the same 420 were compiled again at every run. Every one is stored and kept."""
    def run() -> int:
        result = subprocess.run([sys.executable, "-c", _MANY], env=_env(tmp_path), capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return int(result.stdout)

    assert run() == 600  # nothing stored yet
    assert run() == 0


# A Python caller's process (no `exporter` command): reads two entries of a list with the
# reference parser, reporting how many patterns `re` compiled while it did and what it read.
_CALLER = r"""
import dataclasses, json, re, sys
from re import _compiler
from exporter.references.fields import parse_entry
compiled = []
plain = _compiler.compile
def counting(pattern, flags=0):
    compiled.append(pattern)
    return plain(pattern, flags)
_compiler.compile = counting
read = [parse_entry(text) for text in sys.argv[1:]]
mine = re.compile("a-callers-own-[a-z]+")  # the caller's own pattern, compiled after: never stored
print(json.dumps([len(compiled), "exec" in vars(dataclasses), repr(read)]))
"""
_ENTRIES = (
    "Иванов И. И. Заглавие статьи // Вестник КазНУ. Серия математическая. – 2019. – Т. 3, № 2. – С. 45–52.",
    "Smith, J., & Doe, A. (2001). A title of the work. Journal of Things, 12(3), 1-20. https://doi.org/10.1000/xyz",
)


def _caller(cache, **extra) -> list:
    import json

    result = subprocess.run([sys.executable, "-c", _CALLER, *_ENTRIES], env=_env(cache, **extra), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_callers_reference_parser_takes_its_patterns_from_the_cache(tmp_path, monkeypatch):
    """A script that reads a reference list (parse_entry) compiled the parser's patterns in every
    process (its modules' and the inline ones a list's first entries need: 7 ms of a list's first
    read): the first process stores them, at exit, in a file of its own; the next compiles none
    and reads the same. The caller's own patterns are not stored, nor is its `dataclasses` touched."""
    compiled, patched, first = _caller(tmp_path)
    assert compiled > 50 and not patched
    tag = sys.implementation.cache_tag
    assert sorted(p.name for p in tmp_path.glob("*.bin")) == [f"regex-parse-{tag}.bin"]
    monkeypatch.setenv("EXPORTER_CACHE_DIR", str(tmp_path))
    stored = read_entry(f"regex-parse-{tag}.bin", compile_cache._key("regex"))
    assert stored and not any(entry[1] == "a-callers-own-[a-z]+" for entry in stored)
    compiled, patched, again = _caller(tmp_path)
    assert compiled == 1 and not patched  # the caller's own pattern alone
    assert again == first
    assert _caller(tmp_path, EXPORTER_PLAIN="regex")[2] == first


def test_a_caller_without_a_cache_writes_nothing(tmp_path):
    """No cache (EXPORTER_CACHE_DIR empty): nothing is written, in the package's folder or elsewhere."""
    before = sorted(p for p in (REPO / "exporter").rglob("*") if not p.name.endswith(".pyc"))
    compiled, _, read = _caller("")
    assert compiled > 50 and read == _caller(tmp_path)[2]
    assert sorted(p for p in (REPO / "exporter").rglob("*") if not p.name.endswith(".pyc")) == before
