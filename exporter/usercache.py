"""The user's cache folder: what one run parsed or compiled, kept for the next (fonts' coverage,
reportlab's parse of the font files, typeset formulas, compiled Jinja templates and regular
expressions). Only an accelerator: an entry that is missing, stale, broken or unwritable is
ignored, and the run does the work itself.

An entry is one file holding (key, value) in `marshal`'s format (builtins only); the key names
everything the value was made from, so a stale entry is never used.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path


def cache_dir() -> Path | None:
    """Where exporter keeps what it parsed or compiled between runs: `$EXPORTER_CACHE_DIR`, else
    `$XDG_CACHE_HOME/exporter`, else `~/.cache/exporter`; None when `EXPORTER_CACHE_DIR` is
    set to an empty string (no cache at all)."""
    explicit = os.environ.get("EXPORTER_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "exporter"


def read_entry(name: str, key: str):
    """The value stored in the cache file `name` under `key`, or None (no cache, no file, another
    key, a broken file)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        stored_key, value = marshal.loads((folder / name).read_bytes())
    except Exception:  # missing, unreadable, truncated, another Python's marshal format...
        return None
    return value if stored_key == key else None


def write_entry(name: str, key: str, value) -> None:
    """Store `value` (builtins only: marshal) under `key` in the cache file `name`, atomically;
    any failure leaves no trace."""
    folder = cache_dir()
    if folder is None:
        return
    import tempfile  # only when writing: its import (random, hashlib) costs a `check` ~5 ms

    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps((key, value)))
        os.replace(tmp, folder / name)
        tmp = None
    except Exception:  # read-only home, full disk, no permission: run without the cache
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def cache_key(kind: str, path: str, index: int, *extra: str) -> tuple[str, str] | None:
    """(file name, full key) of a cache entry for one face of a font file, or None if the file
    cannot be stat'ed. The key names the file's resolved path, size and mtime, so an updated
    font is read afresh."""
    import hashlib

    try:
        real = os.path.realpath(path)
        st = os.stat(real)
    except OSError:
        return None
    key = "\0".join((kind, real, str(index), str(st.st_size), str(st.st_mtime_ns), *extra))
    return f"{kind}-{hashlib.sha1(key.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}.bin", key


def cache_read(kind: str, path: str, index: int, *extra: str):
    """The value stored for this face (or file: index 0), or None (no cache, no entry, a stale or broken one)."""
    named = cache_key(kind, path, index, *extra)
    return None if named is None else read_entry(*named)


def cache_write(kind: str, path: str, index: int, value, *extra: str) -> None:
    """Store `value` (builtins only: marshal) for this face atomically; any failure leaves no trace."""
    named = cache_key(kind, path, index, *extra)
    if named is not None:
        write_entry(named[0], named[1], value)
