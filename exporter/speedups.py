"""The one switch for the speed-ups that lean on libraries' private internals or on forking.

Each is kept because bench/RESULTS.md shows it pays (rows "plain path" and "without …"), and
each gives the same bytes as the plain path (tests/test_speedups.py):

- `fork`: with one paper and two or more cores, the PDF is rendered in a forked child, forked
  before the paper is read (it imports reportlab and registers the fonts meanwhile), while this
  process reads the paper and renders DOCX and LaTeX (build.py).
- `rlfont`: reportlab's parse of a TrueType file is kept in the user's cache and rebuilt with
  `TTFont.__new__` (writers/pdf.py; reportlab 5.1).
- `docxzip`: the DOCX package's members are taken from python-docx's `PackageWriter._write_*`
  and zipped once, instead of `Document.save` and a re-zip (writers/docx.py; python-docx 1.2).
- `jinja`: compiled Jinja templates are kept between runs in the user's cache (venue/sandbox.py).
- `gc`: the `exporter` command (only it, never a Python caller) collects garbage less often
  (a build or volume batch in cli._batch_gc; check, inspect, bib, fix and annotate from the start).
- `regex`: the `exporter` command hands `re` the regular expressions an earlier run compiled,
  kept in the user's cache (compile_cache.py; Python 3.11's `re` internals); so does a Python
  caller's first reference entry read (`references.fields.parse_entry`: the parser's patterns).
- `dataclass`: likewise the code of the methods `@dataclass` writes (compile_cache.py; Python
  3.11's `dataclasses`, which runs them with `exec`).
- `mathfork`: a paper's formulas the user cache lacks are typeset in forked workers, one a
  usable core, before the PDF edition is laid out (media/formulas.typeset_ahead).
- `pyphen`: pyphen's parse of its hyphenation patterns is kept in the user's cache
  (typography/hyphenation.py; pyphen 0.18.1).
- `subsets`: the PDF's font subsets as `unhinted` leaves them (fontTools' parse and save) are
  kept in the user's cache by the digest of reportlab's subset, so a rebuild skips fontTools
  (media/pdfsize.py; public API only).

`EXPORTER_PLAIN` turns them off: `1` or `all` every one, or a comma-separated list of names
(how the benchmark measures each). Unset or empty: all on.

A speed-up that leans on a library's private internals is also off, whatever the switch says,
when the library is not the version those internals were read in or one of the names is gone
(`supported`): the plain path then gives the same bytes, only slower, instead of a crash on
every build. tests/test_speedups.py fails while a pinned version no longer supports one, so an
upgrade is noticed and the speed-up re-read, not silently lost.
"""

from __future__ import annotations

import os
import sys
from functools import cache

NAMES = ("fork", "rlfont", "docxzip", "jinja", "gc", "regex", "dataclass", "pyphen", "mathfork", "subsets")

# What each speed-up needs of a library's private parts: (distribution, the version they were
# read in, module, the names it uses there); "python" is the interpreter and its standard
# library, its version major.minor. A speed-up not listed uses public API only.
PRIVATE = {
    "docxzip": ("python-docx", "1.2.0", "docx.opc.pkgwriter",
                ("PackageWriter._write_content_types_stream", "PackageWriter._write_pkg_rels", "PackageWriter._write_parts")),
    "rlfont": ("reportlab", "5.1.0", "reportlab.pdfbase.ttfonts", ("TTFont.__new__", "TTFontFace.__init__", "TTFNameBytes")),
    "regex": ("python", "3.11", "re", ("_cache", "_MAXCACHE", "_parser.parse", "_compiler._code", "_compiler._sre.compile", "_compiler._sre.MAGIC")),
    "dataclass": ("python", "3.11", "dataclasses", ("_create_fn", "_process_class")),
    "pyphen": ("pyphen", "0.18.1", "pyphen", ("hdcache", "HyphDict.positions", "LANGUAGES", "language_fallback")),
}


def enabled(name: str) -> bool:
    """Whether the speed-up `name` is on (the switch is read each time: tests and the bench set
    it per process) and the library internals it needs are there."""
    assert name in NAMES, name
    plain = os.environ.get("EXPORTER_PLAIN", "").strip().lower()
    if plain in ("1", "all", "yes", "true"):
        return False
    if plain and name in {part.strip() for part in plain.split(",")}:
        return False
    return supported(name)


@cache
def supported(name: str) -> bool:
    """Whether the library internals speed-up `name` leans on are those it was written against:
    the library at the version they were read in, every private name present (checked once)."""
    if name not in PRIVATE:
        return True
    import importlib

    distribution, version, module, names = PRIVATE[name]
    if installed_version(distribution) != version:
        return False
    try:
        root = importlib.import_module(module)
    except ImportError:
        return False
    for dotted in names:
        found = root
        for part in dotted.split("."):
            found = getattr(found, part, None)
            if found is None:
                return False
    return True


# Where a distribution's package states its own version: read there, importlib.metadata (its
# import and its search of site-packages: ~60 M instructions, in each process of a build) is
# not needed. Distributions not listed are asked of importlib.metadata.
VERSION_ATTRIBUTE = {"python-docx": ("docx", "__version__"), "reportlab": ("reportlab", "Version"), "pyphen": ("pyphen", "__version__")}


def installed_version(distribution: str) -> str | None:
    """The installed version of a distribution; of "python", the interpreter's major.minor."""
    if distribution == "python":
        return "%d.%d" % sys.version_info[:2]
    if distribution in VERSION_ATTRIBUTE:
        import importlib

        module, attribute = VERSION_ATTRIBUTE[distribution]
        try:
            return getattr(importlib.import_module(module), attribute, None)
        except ImportError:
            return None
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
