"""What a command imports is what it uses (issue 19, speed): a `check` of a .txt loads no
rendering, PDF, DOCX, formula or hyphenation library, and `build` asks only the editions that
may write a folder beside their file for one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from helpers import REPO, SEED

from exporter.writers import WITH_COMPANIONS, WRITERS, writer

# Imported by none of the steps of a check of a .txt (each is what another reader or a writer uses).
NOT_FOR_A_TEXT_CHECK = (
    "reportlab", "docx", "lxml", "fontTools", "jinja2", "PIL", "pypdfium2", "ziamath", "pyphen", "markdown_it",
    "zipfile", "statistics", "exporter.writers", "exporter.venue", "exporter.readers.docx.reader", "exporter.readers.pdf.reader",
    "exporter.readers.markdown.reader",
)

_RUN = r"""
import json, sys
from exporter import cli
code = cli.main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", _RUN, *args], env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_a_check_of_a_text_imports_no_library_it_does_not_use():
    loaded = _modules_after("check", "--json", str(SEED))
    assert "exporter.readers.plaintext.reader" in loaded  # the probe sees what the check imported
    found = sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_FOR_A_TEXT_CHECK))
    assert found == []


def test_the_reference_tagger_is_imported_only_for_a_paper_with_a_list(tmp_path):
    """The shipped paper has no reference list: its check imports neither the tagger (a CRF,
    lexicons, normalisers) nor the rule parser. A paper with a list does read it with them."""
    shipped = _modules_after("check", "--json", str(SEED))
    assert "exporter.references.fields" in shipped  # the probe sees the stage that would ask the tagger
    assert not {"exporter.references.tagger", "exporter.references.tagger.normalise", "exporter.references.rules"} & shipped
    paper = tmp_path / "listed.txt"
    paper.write_text("Title of a paper\n\nA sentence citing [1].\n\nReferences\n\n1. Ivanov I. I. A book. Moscow: Nauka, 2001. 200 p.\n", encoding="utf-8")
    loaded = _modules_after("check", "--json", str(paper))
    assert "exporter.references.tagger.normalise" in loaded


def test_every_writer_with_companion_folders_is_listed():
    """`companions` asks only the editions in WITH_COMPANIONS: a writer that defines
    `companions` and is not listed would lose its folder."""
    for name in WRITERS:
        assert hasattr(writer(name), "companions") == (name in WITH_COMPANIONS), name


def test_the_latex_pictures_do_not_depend_on_the_other_editions_built(tmp_path):
    """A vector picture's PDF for the LaTeX edition was written with ASCII85 streams when the PDF
    writer (which turns them off for the process) had not been imported: `build --to latex` and
    `build` gave different bytes for the same picture."""
    import pytest

    from media_samples import metafile

    from exporter.media.images import prepare, vector_pdf
    from reportlab import rl_config

    image = metafile()
    if image is None:
        pytest.skip("the corpus WMF is not here")
    picture = prepare(image)
    assert picture.kind == "svg"
    before = rl_config.useA85
    try:
        rl_config.useA85 = 1  # a process that never imported the PDF writer
        fresh = vector_pdf(picture)
        rl_config.useA85 = 0  # one that did
        after_pdf = vector_pdf(picture)
    finally:
        rl_config.useA85 = before
    assert fresh == after_pdf
    assert b"ASCII85Decode" not in fresh


def test_citeproc_is_imported_only_for_a_list_a_csl_style_formats(tmp_path):
    """citeproc-py and lxml (~15 ms) were imported by every build, the shipped paper's too (it
    has no list); now only where a CSL style formats entries."""
    from helpers import DEMO, DEMO_BIB

    plain = _modules_after("build", str(SEED), "--to", "latex", "--out", str(tmp_path / "a"))
    assert "exporter.references.csl" in plain and "citeproc" not in plain  # the probe sees the module that would import it
    styled = _modules_after("build", str(DEMO), "--bib", str(DEMO_BIB), "--style", "apa", "--to", "latex", "--out", str(tmp_path / "b"))
    assert "citeproc" in styled


def test_the_docx_and_latex_editions_of_a_paper_without_pictures_import_no_reportlab(tmp_path):
    """reportlab (and PIL through it) came with the media check (media.images imported the PDF
    size helpers at its top): ~25 ms of a build's process that renders DOCX and LaTeX while a
    forked child renders the PDF."""
    loaded = _modules_after("build", str(SEED), "--to", "docx,latex", "--out", str(tmp_path))
    assert "exporter.media.images" in loaded  # the probe sees the module that imported it
    assert not {m for m in loaded if m.split(".")[0] in ("reportlab", "PIL", "pikepdf", "citeproc")}
