"""What Python compiles at every start of the `exporter` command, kept in the user's cache
(usercache.py) between runs: regular expressions and the methods of dataclasses. `warm` runs
first in `cli.main`, before the readers and writers are imported; `remember` last.

Regular expressions (speed-up `regex`). Python compiles a pattern with Python code
(`re._parser`, `re._compiler`): the readers' name and heading patterns, whose Unicode classes
are large, and reportlab's URL pattern cost a `check` 28 % of its instructions. What that
compiler produces (the `_sre` program, a list of integers, and the group names) is stored;
`warm` rebuilds each pattern with `_sre.compile`, the call `re._compiler.compile` ends with,
and puts it in `re._cache`, where `re.compile` looks first. `remember` stores a pattern only
when the one rebuilt from what it stores equals the one `re` compiled (`Pattern.__eq__`
compares the programs).

Dataclass methods (speed-up `dataclass`). `@dataclass` writes the source of each class's
`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`… and runs it with `exec`; compiling
those ~200 sources is 13 % of a `check`. `warm` gives the `dataclasses` module an `exec` of its
own (a module global shadows the builtin) that runs the code object compiled from the same
source in an earlier run: `compile(source, "<string>", "exec", dont_inherit=True)`, what
`exec(source)` compiles in `dataclasses` (a module without `__future__` imports).

Each command keeps files of its own (`regex-check-….bin`, `regex-build-….bin`): a `check` then
reads back only what a check compiles, not what a build's writers and libraries do, and a user
who alternates them does not push one command's entries out with the other's (one shared file
held more than MAX_PATTERNS and started again at nearly every run). A build's PDF child, which
imports reportlab only after it is forked, keeps its own too (`continue_in_child`).

A Python caller's process (no `exporter` command: a script that reads a reference list with
`references.fields.parse_entry`) keeps the patterns the parser compiles on a list's first entry
the same way, in files of its own (`regex-parse-….bin`): `warm_for_a_caller`, on the first entry
read; at exit it stores what the parser's calls compiled (`note_compiled`), never the caller's
own patterns; its `dataclasses` is left alone.

Both lean on Python 3.11's internals (speedups.PRIVATE); each file is keyed by the interpreter's
full version, so a code object or a program is never handed to another Python. Only an
accelerator: a missing, foreign or damaged file is ignored, and `EXPORTER_PLAIN=regex` or
`=dataclass` turns either off.
"""

from __future__ import annotations

import builtins
import itertools
import re
import sys
from array import array

from . import speedups
from .usercache import cache_dir, read_entry, write_entry

_FORMAT = "compiled-1"  # bump when what a file holds changes
# Entries kept at most. Past it the oldest entries leave first, so what one paper's text made (a
# pattern built from its words) ages out. Starting the file again instead made a check that
# compiles more than the bound store its new patterns alone, then the others again, every other
# run paying for them all (0.4 s of a 1.3 s check).
MAX_PATTERNS = 1200
# What re's own cache holds in a warmed process (Python 3.11: 512, the oldest entry dropped
# first). A PDF's check compiles 530 patterns: under 512, those warmed first were pushed out by
# the last ones compiled, and the file, written from re's cache, held the last ones only; the
# same 420 patterns were compiled at every run (0.25 s of a 1.05 s check).
RE_CACHE = 2048
MAX_METHODS = 1000

_warmed = False
_command = ""  # the command whose files are read and written ("" for a caller that names none)
_patterns: list[tuple] = []  # the regex file's entries (written back with the new ones)
_pattern_keys: set[tuple] = set()  # the re._cache keys those entries stand for
_methods: dict[str, object] = {}  # dataclass method source -> code object, from the file
_new_methods: dict[str, object] = {}  # compiled in this run
_noted: set[tuple] | None = None  # in a Python caller's process, the patterns its calls compiled (only they are stored)


def _file(kind: str) -> str:
    command = f"{_command}-" if _command else ""
    return f"{kind}-{command}{sys.implementation.cache_tag}.bin"


def _key(kind: str) -> str:
    parts = [_FORMAT, kind, sys.version]
    if kind == "regex":
        from re import _compiler

        parts += [str(_compiler._sre.MAGIC), str(_compiler._sre.CODESIZE), str(array("I").itemsize)]
    return "\0".join(parts)


def warm(command: str = "") -> None:
    """Put the stored patterns into `re`'s cache; route dataclasses' `exec` through the stored
    code. `command` (letters only: a subcommand's name) chooses the files."""
    global _warmed, _command
    if _warmed:
        return
    _warmed = True
    _command = command if command.isascii() and command.isalpha() else ""
    if speedups.enabled("regex"):
        _warm_patterns()
    if speedups.enabled("dataclass"):
        _warm_methods()


def warm_for_a_caller(command: str = "parse") -> None:
    """The regular expressions of a Python caller's process (no `exporter` command ran `warm`):
    the patterns an earlier process's calls compiled (`command`'s file: the inline patterns the
    reference parser compiles on a list's first entries) put into `re`'s cache now; those this
    process's calls compile (`note_compiled`: the caller's own patterns are never stored) stored
    when it exits (atexit). Only the patterns: a caller's `dataclasses` is left alone. A no-op
    when a command (or an earlier call) warmed already."""
    global _warmed, _command, _noted
    if _warmed:
        return
    _warmed = True
    _command = command if command.isascii() and command.isalpha() else ""
    if not speedups.enabled("regex"):
        return
    _noted = set()
    _pattern_keys.update(re._cache)  # compiled before this call (the modules' patterns, at their import): not stored
    _warm_patterns()
    import atexit

    atexit.register(remember)


def held() -> int:
    """How many patterns `re`'s cache holds (what `note_compiled` is handed after a call)."""
    return len(re._cache)


def note_compiled(before: int) -> None:
    """After a call of ours in a Python caller's process (warm_for_a_caller), before which `re`'s
    cache held `before` patterns: the patterns the call compiled (the newest in the cache) are
    noted, to be stored at exit. A no-op in a command (which stores all it compiled)."""
    added = len(re._cache) - before
    if _noted is not None and added > 0:
        try:
            _noted.update(itertools.islice(reversed(re._cache), added))
        except RuntimeError:  # another thread compiled meanwhile: these go unstored (only slower)
            pass


def continue_in_child(part: str) -> None:
    """In a forked child that goes on to import and compile more than its parent (build's PDF
    child: reportlab's patterns, the PDF writer's dataclasses), files of its own from here on
    (`regex-buildpdf-….bin` for `part` "pdf"): read now, written by the child's `remember`.
    What the parent compiled stays the parent's to store; the child stores only its own, so
    the two never write over each other's entries."""
    global _command
    if not _warmed:
        return
    _command = f"{_command}{part}"
    _pattern_keys.update(re._cache)  # the parent's, already in its own file
    _patterns.clear()
    _methods.clear()  # the parent's classes are made: the child's are all still to come
    _new_methods.clear()
    if speedups.enabled("regex"):
        _warm_patterns()
    if speedups.enabled("dataclass"):
        _read_methods()


def remember() -> None:
    """Store what this run compiled that the cache did not hold."""
    if not _warmed or cache_dir() is None:  # (no cache at all: nothing to store, nothing to make)
        return
    if speedups.enabled("regex"):
        _remember_patterns()
    if speedups.enabled("dataclass") and _new_methods:
        _remember_methods()


# -- regular expressions -----------------------------------------------------------------------


def _warm_patterns() -> None:
    from re import _compiler

    re._MAXCACHE = max(re._MAXCACHE, RE_CACHE)  # (also on a first run: all it compiles is then stored)
    table = read_entry(_file("regex"), _key("regex"))
    if not isinstance(table, list):
        return
    cache, compile_program = re._cache, _compiler._sre.compile
    for entry in table[: re._MAXCACHE - len(cache)]:
        try:
            is_bytes, pattern, flags, final_flags, program, groups, groupindex, indexgroup = entry
            key = (bytes if is_bytes else str, pattern, flags)
            if key not in cache:
                cache[key] = compile_program(pattern, final_flags, array("I", program).tolist(), groups, groupindex, indexgroup)
        except Exception:  # not what `remember` wrote: the rest compile as usual
            return
        _patterns.append(entry)
        _pattern_keys.add(key)


def _remember_patterns() -> None:
    new = [key for key in list(re._cache) if key not in _pattern_keys and (_noted is None or key in _noted)]
    if new:
        new = _not_reordered(new)
    if not new:
        return
    entries = [entry for entry in map(_pattern_entry, new) if entry is not None]
    _patterns.extend(entries)
    del _patterns[: max(0, len(_patterns) - MAX_PATTERNS)]
    _pattern_keys.update(new)
    write_entry(_file("regex"), _key("regex"), _patterns)


def _not_reordered(new: list[tuple]) -> list[tuple]:
    """`new` without the patterns that are a stored pattern's characters in another order. A
    library that joins a set's members into a pattern (reportlab's rl_safe_eval: ~150 names in
    hash order) makes a new one in every process: stored once, it would otherwise be compiled,
    stored again (8 KB) and written back on every run, and never be read."""
    by_length: dict[int, list] = {}
    for entry in _patterns:
        by_length.setdefault(len(entry[1]), []).append(entry[1])
    kept = []
    for key in new:
        pattern = key[1]
        same = by_length.get(len(pattern)) if isinstance(pattern, (str, bytes)) else None
        if same and any(sorted(other) == sorted(pattern) for other in same if type(other) is type(pattern)):
            _pattern_keys.add(key)
            continue
        kept.append(key)
    return kept


def _pattern_entry(key: tuple) -> tuple | None:
    """What `_warm_patterns` needs to rebuild the cached pattern `key` (as `re._compiler.compile`
    builds it), or None when the rebuilt pattern would not equal it."""
    from re import _compiler, _parser

    kind, pattern, flags = key
    compiled = re._cache.get(key)
    if kind not in (str, bytes) or type(flags) is not int or compiled is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        program = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (kind is bytes, pattern, flags, flags | parsed.state.flags, array("I", program).tobytes(),
                 parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = _compiler._sre.compile(pattern, entry[3], program, entry[5], groupindex, entry[7])
    except Exception:
        return None
    return entry if rebuilt == compiled else None


# -- dataclass methods -------------------------------------------------------------------------


def _warm_methods() -> None:
    import dataclasses

    if "exec" in vars(dataclasses):  # someone else's exec already there: leave it
        return
    _read_methods()
    dataclasses.exec = _exec


def _read_methods() -> None:
    table = read_entry(_file("dataclass"), _key("dataclass"))
    if isinstance(table, dict):
        _methods.update((source, code) for source, code in table.items() if type(source) is str and type(code) is _CODE)


_CODE = type(_key.__code__)


def _exec(source, globals=None, locals=None, /):
    """`exec` for `dataclasses`: a source string runs as the code object compiled from it before."""
    if type(source) is str:
        code = _methods.get(source) or _new_methods.get(source)
        if code is None:
            code = _new_methods[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    return builtins.exec(source, globals, locals)


def _remember_methods() -> None:
    table = {} if len(_methods) + len(_new_methods) > MAX_METHODS else dict(_methods)
    table.update(list(_new_methods.items())[:MAX_METHODS])
    _methods.clear()
    _methods.update(table)
    _new_methods.clear()
    write_entry(_file("dataclass"), _key("dataclass"), table)
