"""Output for a person at a terminal: severities in colour, a progress bar for a batch build.

When standard output is not a terminal (a pipe, a file, CI) every line is printed exactly as
it is, with nothing added; `NO_COLOR` (https://no-color.org) turns colours off on a terminal.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import contextmanager

STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def quiet_libraries() -> None:
    """Keep the libraries' log records off the user's screen: a person reads exporter's own
    findings and errors. Without a handler of its own on Python's root logger, ziafont's
    `logging.debug` (each formula typeset) installs one on stderr, which then prints every
    library's warning (fontTools on a font subset's dates: `WARNING:fontTools…: 'created'
    timestamp seems very low`). For the command line and the server's workers, never for a
    program that imports exporter as a library."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


class Terminal:
    def __init__(self, stream=None):
        self.stream = stream or sys.stdout
        self.console = None
        if _isatty(self.stream):
            from rich.console import Console

            # soft_wrap: long lines are left to the terminal, never cut or broken by rich
            self.console = Console(file=self.stream, highlight=False, soft_wrap=True, no_color=bool(os.environ.get("NO_COLOR")))
        self.colour = self.console is not None and not os.environ.get("NO_COLOR")

    def finding(self, line: str, severity: str, code: str) -> None:
        """One finding line (`file:line:col: severity[CODE]: message`), its `severity[CODE]` coloured."""
        if not self.colour:
            return self.line(line)
        from rich.text import Text

        text = Text(line)
        mark = f": {severity}[{code}]:"
        at = line.find(mark)
        if at >= 0:
            text.stylize(STYLES.get(severity, ""), at + 2, at + len(mark) - 1)
        self.console.print(text)

    def line(self, text: str) -> None:
        if self.console is None:
            print(text, file=self.stream)
        else:
            self.console.print(text, markup=False, emoji=False)

    @contextmanager
    def progress(self, total: int, what: str):
        """A bar over `total` steps while the block runs (only on a terminal, for more than one
        step); yields `advance()`. The bar is removed at the end, leaving the printed lines."""
        if self.console is None or total < 2:
            yield lambda: None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=self.console, transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda: bar.advance(task)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
