"""The LaTeX edition of a hostile paper and .bib compiles (no shell escape) and runs nothing.

tests/test_latex.py compiles hostile body text; this compiles hostile text everywhere a value
reaches the .tex — the title and author lines, the body, every .bib field that is printed, a
list item and a quote — and proves that no file was read into the PDF and none was written.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exporter.cli import main

XELATEX = shutil.which("xelatex")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(not (XELATEX and PDFTOTEXT), reason="xelatex/pdftotext not installed (the README's setup installs them)")

HOSTILE = r"\input{/etc/passwd} \write18{touch pwned} \immediate\write18{touch pwned2} \openout1=pwned3.tex \catcode`\%=11 ^^5cinput ^^M \def\x{y} {{ unbalanced } % # & $ _ ^ ~ \ {}"
PAPER = f"""ТАҚЫРЫП \\INPUT{{/ETC/PASSWD}} ^^5C %

Жахан Жанар

мәтін осылай басталады: {HOSTILE} [1] және [@evil].

- тізім: \\end{{itemize}} \\end{{document}} [2]

«\\verb|x| \\begin{{verbatim}}» [1]

{{{{ 7*7 }}}} <% if 1 %> << meta >> <b>bold</b> &amp; [3]
"""
BIB = r"""@book{1, title={\input{/etc/passwd} \write18{touch pwned4}}, author={\immediate\write\out{x}}, publisher={\catcode`\{=12 ^^5c}, year={\def\y{z} %}}
@article{2, title={{{ 7*7 }} <b>b</b> & \\ \{ \}}, journal={\include{/etc/hostname}}}
@misc{evil, title={\end{document} \csname input\endcsname{/etc/passwd}}, note={$\input{/etc/passwd}$}}
@misc{3, title={Қалыпты кітап}, year={2000}, url={file:///etc/passwd}}
"""
LITERALS = [
    r"\input{/etc/passwd}", r"\write18{touch pwned}", r"\immediate\write18{touch pwned2}", r"\openout1=pwned3.tex", r"\catcode`\%=11",
    "^^5cinput", r"\def\x{y}", "{{ unbalanced } % # & $ _ ^ ~ \\ {}", r"\end{itemize} \end{document}", r"\verb|x| \begin{verbatim}",
    "{{ 7*7 }} <% if 1 %> << meta >> <b>bold</b> &amp;", r"\INPUT{/ETC/PASSWD} ^^5C %",
    r"\immediate\write\out{x} \input{/etc/passwd} \write18{touch pwned4}", r"\catcode`\{=12 ^^5c", r"\def\y{z} %",
    r"\include{/etc/hostname}", "file:///etc/passwd", r"\end{document} \csname input\endcsname{/etc/passwd}", r"$\input{/etc/passwd}$",
]


def test_hostile_paper_and_bib_compile_to_literal_text_and_run_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("paper.txt").write_text(PAPER, encoding="utf-8")
    Path("paper.bib").write_text(BIB, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["build", "paper.txt", "--bib", "paper.bib", "--out", "dist", "--to", "latex"]) == 0
    compile_dir = tmp_path / "compile"
    compile_dir.mkdir()
    shutil.copy(tmp_path / "dist" / "paper.tex", compile_dir / "paper.tex")

    run = subprocess.run(
        [XELATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "paper.tex"],
        cwd=compile_dir, capture_output=True, text=True, errors="replace", timeout=300,
    )

    log = (compile_dir / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log[-3000:]
    text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(compile_dir / "paper.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(re.sub(r"-\n", "", text).split())  # TeX breaks long words at line ends
    for literal in LITERALS:
        assert literal in flat, literal
    # Nothing was read: no line of /etc/passwd or /etc/hostname in the PDF, neither file opened.
    for path in ("/etc/passwd", "/etc/hostname"):
        if Path(path).is_file():
            for line in Path(path).read_text(errors="replace").splitlines()[:5]:
                assert line.strip() == "" or line not in text
        assert f"({path}" not in log
    assert "runsystem" not in log  # \write18 never reached the shell, not even to be refused
    # Nothing was written: XeLaTeX's own files only, and no `pwned*` anywhere.
    assert sorted(p.name for p in compile_dir.iterdir()) == ["paper.aux", "paper.log", "paper.out", "paper.pdf", "paper.tex"]
    assert not list(tmp_path.rglob("pwned*"))
