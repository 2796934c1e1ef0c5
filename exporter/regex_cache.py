"""Regular expressions compiled in an earlier run, handed to `re` before the modules compile them.

Python compiles a pattern with Python code (`re._parser`, `re._compiler`): the readers' name and
heading patterns, whose Unicode classes are large, and reportlab's URL pattern cost a `check`
~35 ms and a `build` ~100 ms at every start. What that compiler produces (the `_sre` program, a
list of integers, and the group names) is kept in the user's cache (usercache.py); at the start
of an `exporter` command `warm` rebuilds each pattern from it with `_sre.compile`, which is what
`re` itself ends with, and puts it in `re`'s own cache, where `re.compile` looks first. At the
end, `remember` adds the patterns this run compiled that the cache did not hold.

Python 3.11's internals (speedups.PRIVATE["regex"]): `re._cache` (key: type of the pattern,
pattern, flags as an int), `re._parser.parse`, `re._compiler._code` and `_sre.compile`, called
as `re._compiler.compile` calls them. The cache file is keyed by the interpreter's version and
`_sre.MAGIC`, and `remember` stores a pattern only when the pattern rebuilt from what it stores
equals the one `re` compiled (`Pattern.__eq__` compares the programs), so a pattern from the
cache is the one `re.compile` would have made. `EXPORTER_PLAIN=regex` turns it off.
"""

from __future__ import annotations

import re
import sys
from array import array

from . import speedups
from .usercache import read_entry, write_entry

_FILE = f"regex-{sys.implementation.cache_tag}.bin"
_FORMAT = "regex-1"  # bump when what an entry holds changes
# Entries kept at most (re keeps 512): past it the file starts again from this run's patterns,
# so patterns built from one paper's text do not pile up.
MAX_ENTRIES = 400

_stored: list[tuple] = []  # the entries the file held (written back with the new ones)
_known: set[tuple] = set()  # re cache keys those entries stand for


def _key() -> str:
    from re import _compiler

    return "\0".join((_FORMAT, sys.version, str(_compiler._sre.MAGIC), str(_compiler._sre.CODESIZE), str(array("I").itemsize)))


def warm() -> None:
    """Put the stored patterns into `re`'s cache (those it does not hold yet)."""
    if not speedups.enabled("regex"):
        return
    from re import _compiler

    table = read_entry(_FILE, _key())
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
        _stored.append(entry)
        _known.add(key)


def remember() -> None:
    """Store the patterns `re` compiled in this run that the cache did not hold."""
    if not speedups.enabled("regex"):
        return
    new = [key for key in list(re._cache) if key not in _known]
    if not new:
        return
    entries = [entry for entry in map(_entry, new) if entry is not None]
    if len(_stored) + len(entries) > MAX_ENTRIES:
        _stored.clear()
    _stored.extend(entries[:MAX_ENTRIES])
    _known.update(new)
    write_entry(_FILE, _key(), _stored)


def _entry(key: tuple) -> tuple | None:
    """What `warm` needs to rebuild the cached pattern `key` (as `re._compiler.compile` builds it),
    or None when the rebuilt pattern would not equal it."""
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
