"""The PDF edition's bytes: nothing left in a temporary folder, and every edition of a paper
no larger than 1.3 × the pictures it carries plus its text (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_inline_drawings_leave_nothing_in_the_temporary_folder(tmp_path):
    """Inline formulas and pictures stand behind in-memory placeholders: a render in a fresh
    process (as a server's worker is) writes nothing to its TMPDIR, even before it exits."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    code = (
        "import os, sys; sys.path.insert(0, %r)\n"
        "from media_samples import media_edition\n"
        "from test_writer_media import pdf_formulas\n"
        "from exporter.writers import pdf\n"
        "data = pdf.render(media_edition())\n"
        "assert 'p(x_{k}|z_{1:k})' in pdf_formulas(data), 'the inline formula drawn'\n"
        "print(sorted(os.listdir(%r)))\n"
    ) % (str(ROOT / "tests"), str(scratch))
    env = {**os.environ, "TMPDIR": str(scratch)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[]"
    assert list(scratch.iterdir()) == []


def test_only_data_uris_are_trusted():
    """The setting that lets a placeholder be a data: URI trusts no other scheme: reportlab still
    refuses to fetch a URL."""
    import pytest
    from reportlab.lib.utils import ImageReader

    from exporter.writers import pdf_media

    assert pdf_media._placeholder("k").startswith("data:image/png;base64,")
    assert ImageReader(pdf_media._placeholder("k")).getSize() == (1, 1)
    for url in ("http://localhost/x.png", "https://example.org/x.png", "file:///etc/hostname"):
        with pytest.raises(Exception):
            ImageReader(url).getSize()
