"""The one switch for the speed-ups that lean on libraries' private internals or on forking.

Each is kept because bench/RESULTS.md shows it pays (rows "plain path" and "without …"), and
each gives the same bytes as the plain path (tests/test_speedups.py):

- `fork`: with one paper and two or more cores, the PDF is rendered in a forked child while
  this process renders DOCX and LaTeX (build.py).
- `rlfont`: reportlab's parse of a TrueType file is kept in the user's cache and rebuilt with
  `TTFont.__new__` (writers/pdf.py; reportlab 5.1).
- `docxzip`: the DOCX package's members are taken from python-docx's `PackageWriter._write_*`
  and zipped once, instead of `Document.save` and a re-zip (writers/docx.py; python-docx 1.2).
- `jinja`: compiled Jinja templates are kept between runs in the user's cache (venue.py).
- `gc`: the `exporter` command (only it, never a Python caller) collects garbage less often.

`EXPORTER_PLAIN` turns them off: `1` or `all` every one, or a comma-separated list of names
(how the benchmark measures each). Unset or empty: all on.
"""

from __future__ import annotations

import os

NAMES = ("fork", "rlfont", "docxzip", "jinja", "gc")


def enabled(name: str) -> bool:
    """Whether the speed-up `name` is on (read each time: tests and the bench set it per process)."""
    assert name in NAMES, name
    plain = os.environ.get("EXPORTER_PLAIN", "").strip().lower()
    if not plain:
        return True
    if plain in ("1", "all", "yes", "true"):
        return False
    return name not in {part.strip() for part in plain.split(",")}
