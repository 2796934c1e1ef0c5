"""Which commands latex2mathml reads but XeLaTeX does not define under the LaTeX edition's math
packages (amsmath, unicode-math): every `\\name` of latex2mathml's symbol table is set in one
document and compiled; the undefined ones are written, one a line, to
exporter/writers/latex_lacks.txt, which the LaTeX edition reads to write those symbols as the
Unicode characters they stand for (unicode-math sets them from the math font).

Run it again when latex2mathml's pinned version or the edition's math packages change:

    .venv/bin/python bench/latex_lacks.py
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from latex2mathml.symbols_parser import SYMBOLS

OUT = Path(__file__).resolve().parents[1] / "exporter" / "writers" / "latex_lacks.txt"
PREAMBLE = "\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{fontspec}\n\\usepackage{unicode-math}\n\\begin{document}\n"


def undefined(commands: list[str]) -> list[str]:
    """The commands XeLaTeX stops on as undefined, each set as `$x \\name y$` on a line of its own."""
    with tempfile.TemporaryDirectory() as folder:
        body = "".join(f"$x {name} y$\n\n" for name in commands)
        (Path(folder) / "t.tex").write_text(PREAMBLE + body + "\\end{document}\n", encoding="utf-8")
        subprocess.run(["xelatex", "-interaction=nonstopmode", "t.tex"], cwd=folder, capture_output=True, timeout=900)
        log = (Path(folder) / "t.log").read_text(encoding="utf-8", errors="replace")
    return sorted(set(re.findall(r"! Undefined control sequence\.\nl\.\d+ \$x (\\[A-Za-z]+)", log)))


def main() -> None:
    commands = sorted(name for name in SYMBOLS if re.fullmatch(r"\\[A-Za-z]+", name))
    lacking = undefined(commands)
    OUT.write_text("".join(name[1:] + "\n" for name in lacking), encoding="utf-8")
    print(f"{len(lacking)} of {len(commands)} commands undefined; wrote {OUT}")


if __name__ == "__main__":
    main()
