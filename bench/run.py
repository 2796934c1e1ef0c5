"""Benchmarks of `exporter` against pandoc and against bare reportlab/python-docx, in one run.

    .venv/bin/python bench/run.py                  # full run (~30 min on 2 cores): writes bench/RESULTS.md
    .venv/bin/python bench/run.py --quick --out X  # tiny inputs, one run each: checks the bench itself

Every figure is a cold process (a new interpreter each run, timed from start to exit) on inputs
generated under bench/work/ (git-ignored): the shipped Kazakh paper; that paper 100 times over
(a 7.5 MB book); a proceedings of 200 copies built by one `exporter build` call. The same inputs
go through pandoc in the same run, and through bench/floor_reportlab.py and floor_docx.py
(the same paragraphs laid out by the bare libraries), so each figure is also a ratio. Runs of
the commands of one group are interleaved (round robin), so a slow spell of the machine hits
them alike. Peak memory is `/usr/bin/time -f %M` (the largest single process of the tree).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEED = ROOT / "source" / "kz-china-relations.txt"
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RENDERING_MODULES = ("reportlab", "docx", "lxml", "fontTools", "jinja2", "PIL")

# pandoc has no font fallback: XeTeX's inter-character classes switch CJK characters to the
# CJK font (what xeCJK would do; xeCJK is not in the Debian packages the setup installs).
CJK_HEADER = r"""\newfontfamily\benchcjkfont{WenQuanYi Micro Hei}
\XeTeXinterchartokenstate=1
\newXeTeXintercharclass\benchcjkclass
\count255="2E80
\loop\XeTeXcharclass\count255=\benchcjkclass\advance\count255 by 1\ifnum\count255<"A000\repeat
\count255="F900
\loop\XeTeXcharclass\count255=\benchcjkclass\advance\count255 by 1\ifnum\count255<"FB00\repeat
\count255="FF00
\loop\XeTeXcharclass\count255=\benchcjkclass\advance\count255 by 1\ifnum\count255<"FFF0\repeat
\XeTeXinterchartoks 0 \benchcjkclass = {\begingroup\benchcjkfont}
\XeTeXinterchartoks 4095 \benchcjkclass = {\begingroup\benchcjkfont}
\XeTeXinterchartoks \benchcjkclass 0 = {\endgroup}
\XeTeXinterchartoks \benchcjkclass 4095 = {\endgroup}
"""


@dataclass
class Row:
    key: str
    label: str
    cmd: list[str]
    runs: int
    ok: tuple[int, ...] = (0,)
    warmup: bool = True
    fresh_cache: bool = False  # each run with an empty exporter cache (EXPORTER_CACHE_DIR)
    env: dict = field(default_factory=dict)  # extra environment (EXPORTER_PLAIN for the speed-up rows)
    note: str = ""
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + system CPU seconds of the process tree
    rss_kb: list[int] = field(default_factory=list)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.walls) if self.walls else None


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work).resolve()
        self.rows: dict[str, Row] = {}
        self.groups: list[tuple[str, list[str], tuple[float, float], float]] = []
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a user runs it
        # The bench's own user cache (emptied with the work folder, filled by the warm-up runs): on a
        # shared machine other users' runs of other versions write into ~/.cache/exporter.
        self.env["EXPORTER_CACHE_DIR"] = str(self.work / "user-cache")
        self.exporter = [str(Path(sys.executable).with_name("exporter"))]
        if not Path(self.exporter[0]).exists():
            self.exporter = [sys.executable, "-m", "exporter"]
        self.pandoc = shutil.which("pandoc")
        self.xelatex = shutil.which("xelatex")
        self.cores = os.cpu_count() or 1
        self.facts: dict[str, str] = {}

    # -- inputs ----------------------------------------------------------------------------
    def prepare(self) -> None:
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        text = SEED.read_text(encoding="utf-8")
        if self.args.quick:  # the front matter and the first paragraphs only
            text = "\n".join(text.splitlines()[:30]) + "\n"
        if not text.endswith("\n"):
            text += "\n"
        self.paper = self._write("paper.txt", text)
        self.book = self._write("book.txt", (text + "\n") * self.args.repeat)
        self.startup = self._write("startup.txt", "Бір сөйлем.\n")
        folder = self.work / "proceedings"
        folder.mkdir()
        self.papers = [self._write(f"proceedings/paper-{n:03d}.txt", text) for n in range(1, self.args.papers + 1)]
        pandoc_folder = self.work / "proceedings-md"
        pandoc_folder.mkdir()
        for path in [self.paper, self.book, *self.papers]:  # pandoc reads the text as markdown, as is
            target = (pandoc_folder if path.parent == folder else self.work) / (path.stem + ".md")
            shutil.copyfile(path, target)
        (self.work / "cjk-header.tex").write_text(CJK_HEADER, encoding="utf-8")
        for name, source in (("paper", self.paper), ("book", self.book)):  # the floors' paragraphs
            model = json.loads(subprocess.run([*self.exporter, "inspect", str(source)], env=self.env, capture_output=True, check=True).stdout)
            (self.work / f"{name}.paragraphs.json").write_text(json.dumps(paragraphs(model), ensure_ascii=False), encoding="utf-8")
        self.facts["paper size"] = f"{self.paper.stat().st_size / 1e3:.0f} KB"
        self.facts["book size"] = f"{self.book.stat().st_size / 1e6:.2f} MB ({self.args.repeat} copies)"

    def _write(self, name: str, text: str) -> Path:
        path = self.work / name
        path.write_text(text, encoding="utf-8")
        return path

    # -- rows ------------------------------------------------------------------------------
    def row(self, key: str, label: str, cmd: list[str], runs: int | None = None, **kw) -> str:  # noqa: D102
        self.rows[key] = Row(key, label, [str(c) for c in cmd], runs or self.args.runs, **kw)
        return key

    def exp(self, *args) -> list[str]:
        return [*self.exporter, *map(str, args)]

    def pandoc_rows(self, prefix: str, md: Path, runs_pdf: int | None = None) -> list[str]:
        if not self.pandoc:
            return [self.row(f"{prefix}-pandoc-{t}", f"pandoc → {t}", ["false"], note="pandoc not installed") for t in ("docx", "latex", "pdf")]
        out = self.work / f"out-{prefix}-pandoc"
        out.mkdir(exist_ok=True)
        rows = [
            self.row(f"{prefix}-pandoc-docx", "pandoc → DOCX", [self.pandoc, *self.pandoc_args("docx"), md, "-o", out / "out.docx"]),
            self.row(f"{prefix}-pandoc-latex", "pandoc → LaTeX (-s)", [self.pandoc, *self.pandoc_args("latex"), md, "-o", out / "out.tex"]),
        ]
        pdf = [self.pandoc, *self.pandoc_args("pdf"), md, "-o", out / "out.pdf"]
        rows.append(self.row(f"{prefix}-pandoc-pdf", "pandoc → PDF (xelatex)", pdf if self.xelatex else ["false"], runs=runs_pdf, note="" if self.xelatex else "xelatex not installed"))
        return rows

    def pandoc_args(self, fmt: str) -> list[str]:
        if fmt == "pdf":
            return ["-f", "markdown", "-t", "pdf", "--pdf-engine=xelatex", "-V", "mainfont=Liberation Serif", "-H", str(self.work / "cjk-header.tex")]
        return ["-f", "markdown", "-t", fmt, *(["-s"] if fmt == "latex" else [])]

    def pandoc_script(self, fmt: str, ext: str) -> Path:
        """A shell script converting one .md file (its argument) beside itself, for xargs."""
        script = self.work / f"pandoc-{fmt}.sh"
        args = " ".join(shlex.quote(a) for a in [self.pandoc, *self.pandoc_args(fmt)])
        script.write_text(f'#!/bin/sh\nexec {args} "$1" -o "${{1%.md}}.{ext}"\n', encoding="utf-8")
        return script

    def plan(self) -> None:
        out = self.work / "out"
        a = self.args
        paper = [
            self.row("python", "python -c pass (interpreter start-up, for scale)", [sys.executable, "-c", "pass"]),
            self.row("startup-check", "exporter check, one-line paper (start-up)", self.exp("check", self.startup), ok=(0, 1)),
            self.row("startup-build", "exporter build, one-line paper, 3 editions (start-up)", self.exp("build", self.startup, "--out", out / "startup")),
            self.row("paper-check", "exporter check", self.exp("check", self.paper), ok=(0, 1)),
            self.row("paper-check-plain", "exporter check, every speed-up off (EXPORTER_PLAIN=all)", self.exp("check", self.paper), ok=(0, 1), env={"EXPORTER_PLAIN": "all"}),
            self.row("paper-build", "exporter build, DOCX + PDF + LaTeX", self.exp("build", self.paper, "--out", out / "paper")),
            self.row("paper-build-2", "exporter build --to docx,pdf (what the floors make)", self.exp("build", self.paper, "--to", "docx,pdf", "--out", out / "paper2")),
            self.row("paper-build-plain", "exporter build, 3 editions, every speed-up off (EXPORTER_PLAIN=all)", self.exp("build", self.paper, "--out", out / "paper-plain"), env={"EXPORTER_PLAIN": "all"}),
            *[
                self.row(f"paper-build-no-{name}", f"exporter build, 3 editions, without the `{name}` speed-up", self.exp("build", self.paper, "--out", out / f"paper-no-{name}"), env={"EXPORTER_PLAIN": name})
                for name in SPEEDUPS
            ],
            self.row("paper-build-cold", "exporter build, 3 editions, empty font/template cache (first run ever)", self.exp("build", self.paper, "--out", out / "paper3"), fresh_cache=True),
            self.row("paper-floor-pdf", "floor: bare reportlab, same paragraphs and fonts", [sys.executable, BENCH / "floor_reportlab.py", self.work / "paper.paragraphs.json", out / "floor-paper.pdf"]),
            self.row("paper-floor-docx", "floor: bare python-docx, same paragraphs", [sys.executable, BENCH / "floor_docx.py", self.work / "paper.paragraphs.json", out / "floor-paper.docx"]),
            *self.pandoc_rows("paper", self.work / "paper.md"),
        ]
        book = [
            self.row("book-check", "exporter check", self.exp("check", self.book), ok=(0, 1)),
            self.row("book-build", "exporter build, DOCX + PDF + LaTeX", self.exp("build", self.book, "--out", out / "book")),
            self.row("book-floor-pdf", "floor: bare reportlab", [sys.executable, BENCH / "floor_reportlab.py", self.work / "book.paragraphs.json", out / "floor-book.pdf"]),
            self.row("book-floor-docx", "floor: bare python-docx", [sys.executable, BENCH / "floor_docx.py", self.work / "book.paragraphs.json", out / "floor-book.docx"]),
            *self.pandoc_rows("book", self.work / "book.md", runs_pdf=a.slow_runs if a.book_pdf_slow else None),
        ]
        papers = [str(p) for p in self.papers]
        proceedings = [
            self.row("proc-1", f"exporter build of {len(papers)} papers, --jobs 1", self.exp("build", *papers, "--out", out / "proc1", "--jobs", 1)),
            self.row("proc-n", f"exporter build of {len(papers)} papers, --jobs {self.cores} (all cores)", self.exp("build", *papers, "--out", out / "procn", "--jobs", self.cores)),
        ]
        if self.pandoc:
            each = lambda fmt, ext: ["bash", "-c", f"find {self.work / 'proceedings-md'} -name '*.md' -print0 | xargs -0 -P {self.cores} -n 1 sh {self.pandoc_script(fmt, ext)}"]
            proceedings += [
                self.row("proc-pandoc-docx", f"pandoc → DOCX, each paper, {self.cores} in parallel", each("docx", "docx")),
                self.row("proc-pandoc-latex", f"pandoc → LaTeX, each paper, {self.cores} in parallel", each("latex", "tex")),
                self.row("proc-pandoc-pdf", f"pandoc → PDF (xelatex), each paper, {self.cores} in parallel", each("pdf", "pdf") if self.xelatex else ["false"],
                         runs=a.slow_runs, warmup=False, note="" if self.xelatex else "xelatex not installed"),
            ]
        else:
            proceedings += [self.row(f"proc-pandoc-{t}", f"pandoc → {t}", ["false"], note="pandoc not installed") for t in ("docx", "latex", "pdf")]
        self.plan_groups = [("The paper", paper), (f"The paper ×{a.repeat} (a book)", book), (f"A proceedings of {len(papers)} papers", proceedings)]

    # -- measuring ---------------------------------------------------------------------------
    def run_once(self, row: Row, timed: bool = True) -> None:
        env = {**self.env, **row.env}
        fresh = None
        if row.fresh_cache:
            fresh = tempfile.mkdtemp(prefix="cache-", dir=self.work)
            env["EXPORTER_CACHE_DIR"] = fresh
        with tempfile.NamedTemporaryFile("r", suffix=".mem", dir=self.work, delete=False) as mem:
            memfile = mem.name
        argv = [TIME, "-f", "%M %U %S", "-o", memfile, *row.cmd] if TIME else row.cmd
        start = time.perf_counter()
        proc = subprocess.run(argv, cwd=self.work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        lines = Path(memfile).read_text().split()
        os.unlink(memfile)
        if fresh:
            shutil.rmtree(fresh, ignore_errors=True)
        if proc.returncode not in row.ok:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RuntimeError(f"exit {proc.returncode}: {' | '.join(tail)}")
        if timed:
            row.walls.append(wall)
            try:  # the last line: "%M %U %S"
                rss, user, system = lines[-3:]
                row.rss_kb.append(int(rss))
                row.cpus.append(float(user) + float(system))
            except ValueError:
                pass

    def measure(self) -> None:
        for title, keys in self.plan_groups:
            rows = [self.rows[k] for k in keys]
            print(f"== {title}", flush=True)
            load_before = os.getloadavg()[0]
            watch = OtherLoad()
            for row in rows:
                if row.note:
                    row.error = row.note
                    continue
                if row.warmup and not self.args.quick:  # bytecode, exporter's font cache, OS file cache
                    try:
                        self.run_once(row, timed=False)
                    except RuntimeError as exc:
                        row.error = str(exc)
            for n in range(max(r.runs for r in rows)):
                for row in rows:
                    if row.error or n >= row.runs:
                        continue
                    try:
                        self.run_once(row)
                    except RuntimeError as exc:
                        row.error = str(exc)
                    print(f"   {row.key:18} run {n + 1}: {row.walls[-1] if row.walls and not row.error else float('nan'):8.3f} s", flush=True)
            busy = watch.stop()
            self.groups.append((title, keys, (load_before, os.getloadavg()[0]), busy))

    # -- checks that are not timings ---------------------------------------------------------------
    def check_imports(self) -> list[str]:
        """Modules of the rendering libraries that `check` imports (there should be none)."""
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "exporter", "check", str(self.paper)], cwd=ROOT, env=self.env, capture_output=True, text=True)
        names = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
        return sorted(n for n in names if n.split(".")[0] in RENDERING_MODULES)

    def pages(self, pdf: Path) -> int | None:
        try:
            return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
        except OSError:
            return None

    # -- report ------------------------------------------------------------------------------
    def report(self, started: datetime, finished: datetime, check_imports: list[str]) -> str:
        r = self.rows
        med = lambda k: r[k].median if k in r else None
        out: list[str] = []
        w = out.append
        w("# Benchmark results\n")
        w(f"Written by `{' '.join(['.venv/bin/python', 'bench/run.py', *sys.argv[1:]])}` in one run, "
          f"{started:%Y-%m-%d %H:%M} – {finished:%H:%M} UTC. Do not edit: run it again.\n")
        if self.args.quick:
            w("**Quick mode: tiny inputs, one run each, no warm-up. These figures mean nothing; they only show that the bench runs.**\n")
        w("## Machine and versions\n")
        for k, v in machine().items():
            w(f"- {k}: {v}")
        for k, v in versions(self.pandoc, self.xelatex).items():
            w(f"- {k}: {v}")
        for k, v in self.facts.items():
            w(f"- {k}: {v}")
        w("")
        w("## Method\n")
        w(f"- Each figure is the wall-clock time of a new process, from its start to its exit (the interpreter's start-up and teardown included), "
          f"{self.args.runs} runs unless the table says otherwise; median, min and max. Runs within a group are interleaved (round robin).")
        w("- Before the timed runs each command ran once untimed (except where the table says *no warm-up*), so Python's bytecode cache and "
          "exporter's per-user cache (fonts' coverage and reportlab's parse of the font files, compiled Jinja templates, regular expressions and dataclass methods; a cache folder of the bench's own, `work/user-cache`, "
          "as `~/.cache/exporter` is a user's, which other users of a shared machine do not write into) are "
          "in place, as after a user's first run. The row *empty font/template cache* gives the first run ever: each of its runs starts with an empty cache.")
        w("- Peak memory: `/usr/bin/time -f %M`, the largest resident set of the process tree (with `--jobs N`, of the largest single process; "
          "the N workers each use up to that); the median over the runs. *CPU s*: user + system time of the process tree (`%U + %S`), median: "
          "the work done, which other load on the machine changes much less than the wall-clock time.")
        w("- The machine is shared: a thread samples /proc every second and reports how many cores processes other than the bench's kept busy "
          "during each group.")
        w("- pandoc reads the paper's text as Markdown as it is (plain paragraphs). PDF: `-t pdf --pdf-engine=xelatex -V mainfont=\"Liberation Serif\" -H cjk-header.tex` "
          "(XeTeX inter-character classes switch CJK characters to WenQuanYi Micro Hei, as xeCJK would). The proceedings go through pandoc one paper "
          f"per process, {self.cores} at a time (`xargs -P {self.cores}`), like `--jobs {self.cores}`.")
        w("- The floors (bench/floor_reportlab.py, bench/floor_docx.py) lay out the paragraphs `exporter inspect` reads (title lines and blocks), "
          "with the same page, size, alignment and fonts (Liberation Serif, CJK runs in WenQuanYi Micro Hei, both embedded in the PDF), and no "
          "checking, links, flags or metadata.")
        w("- Start-up rows build a one-line paper: what any run pays before the paper itself (interpreter, imports, fonts, template, writing four files). "
          "Linearity is measured net of it: (T(book) − T(start-up)) / (T(paper) − T(start-up)) against the 100 copies.\n")
        pandoc_ref = {
            "startup-check": [("pandoc → DOCX", ["paper-pandoc-docx"])],
            "paper-check": [("pandoc → DOCX", ["paper-pandoc-docx"])],
            "paper-build": [("pandoc → PDF", ["paper-pandoc-pdf"]), ("pandoc, all three", ["paper-pandoc-docx", "paper-pandoc-latex", "paper-pandoc-pdf"])],
            "paper-build-2": [("pandoc → DOCX + PDF", ["paper-pandoc-docx", "paper-pandoc-pdf"])],
            "paper-build-cold": [("pandoc → PDF", ["paper-pandoc-pdf"])],
            "paper-floor-pdf": [("pandoc → PDF", ["paper-pandoc-pdf"])],
            "paper-floor-docx": [("pandoc → DOCX", ["paper-pandoc-docx"])],
            "book-check": [("pandoc → DOCX", ["book-pandoc-docx"])],
            "book-build": [("pandoc → PDF", ["book-pandoc-pdf"]), ("pandoc, all three", ["book-pandoc-docx", "book-pandoc-latex", "book-pandoc-pdf"])],
            "book-floor-pdf": [("pandoc → PDF", ["book-pandoc-pdf"])],
            "book-floor-docx": [("pandoc → DOCX", ["book-pandoc-docx"])],
            "proc-1": [("pandoc, all three", ["proc-pandoc-docx", "proc-pandoc-latex", "proc-pandoc-pdf"])],
            "proc-n": [("pandoc → PDF", ["proc-pandoc-pdf"]), ("pandoc, all three", ["proc-pandoc-docx", "proc-pandoc-latex", "proc-pandoc-pdf"])],
        }
        for title, keys, (load0, load1), busy in self.groups:
            w(f"## {title}\n")
            w(f"Load average (1 min) before / after the group: {load0:.2f} / {load1:.2f}. Processes other than the bench's "
              f"kept {busy:.2f} of the {self.cores} cores busy on average during the group{' — the figures below had less than the whole machine' if busy > 0.2 else ''}.\n")
            w("| case | command | runs | median s | min s | max s | CPU s | peak MB | against pandoc (median / median) |")
            w("|---|---|---|---|---|---|---|---|---|")
            for k in keys:
                row = r[k]
                cmd = "`" + short(row.cmd) + "`"
                if row.error or not row.walls:
                    w(f"| {row.label} | {cmd} | 0 | – | – | – | – | – | not measured: {row.error or 'no run'} |")
                    continue
                runs = f"{len(row.walls)}" + ("" if row.warmup else ", no warm-up")
                rss = f"{statistics.median(row.rss_kb) / 1024:.0f}" if row.rss_kb else "–"
                cpu = f"{statistics.median(row.cpus):.2f}" if row.cpus else "–"
                against = []
                for name, refs in pandoc_ref.get(k, []):
                    total = sum_medians(r, refs)
                    if total:
                        against.append(f"{name} {total:.2f} s: {ratio_text(total / row.median)}")
                w(f"| {row.label} | {cmd} | {runs} | {row.median:.3f} | {min(row.walls):.3f} | {max(row.walls):.3f} | {cpu} | {rss} | {'; '.join(against) or '–'} |")
            w("")
        book_pdf = self.work / "out" / "book" / "book.pdf"
        n_pages = self.pages(book_pdf)
        if n_pages:
            w(f"The book's PDF edition has {n_pages} pages.\n")
        w("## Speed-ups (exporter/speedups.py)\n")
        w("Each row: the paper's 3-edition build with one speed-up turned off, against the build with all on (same group, interleaved). "
          "A speed-up pays when turning it off costs wall-clock time (`fork`: a second core) or CPU time (the others).\n")
        w("| turned off | median s | Δ wall s | CPU s | Δ CPU s |")
        w("|---|---|---|---|---|")
        base = r.get("paper-build")
        cpu_of_row = lambda row: statistics.median(row.cpus) if row.cpus else None
        for key in ["paper-build-plain", *(f"paper-build-no-{n}" for n in SPEEDUPS)]:
            row = r.get(key)
            if not (row and base and row.walls and base.walls):
                continue
            bc, rc = cpu_of_row(base), cpu_of_row(row)
            name = "all" if key.endswith("plain") else key.rsplit("-", 1)[1]
            dcpu = f"{rc - bc:+.3f}" if bc is not None and rc is not None else "?"
            w(f"| {name} | {row.median:.3f} | {row.median - base.median:+.3f} | {rc if rc is not None else float('nan'):.2f} | {dcpu} |")
        w("")
        w("## Targets\n")
        w("| target | measured | met |")
        w("|---|---|---|")
        misses: list[str] = []

        busy = {keys[0]: b for _, keys, _, b in self.groups}  # first row of a group -> its busy cores
        group_of = {k: keys[0] for _, keys, _, _ in self.groups for k in keys}

        def target(name: str, value: float | None, limit: float, text: str, why: str, higher_is_better: bool = False, row: str = "") -> None:
            other = busy.get(group_of.get(row, ""), 0.0)
            if other > 0.2:
                why += f" Other processes kept {other:.2f} of the {self.cores} cores busy during this group."
            if value is None:
                w(f"| {name} | not measured | **no** |")
                misses.append(f"- **{name}**: not measured. {why}")
                return
            ok = value >= limit if higher_is_better else value <= limit
            w(f"| {name} | {text} | {'yes' if ok else '**no**'} |")
            if not ok:
                off = (limit - value) if higher_is_better else (value - limit)
                misses.append(f"- **{name}**: {text}, missed by {off:.3g} ({abs(off) / limit:.0%}). {why}")

        start_b, start_c = med("startup-build"), med("startup-check")
        p_check, p_build = med("paper-check"), med("paper-build")
        floor = sum_medians(r, ["paper-floor-pdf", "paper-floor-docx"])
        pandoc_pdf = med("paper-pandoc-pdf")
        pandoc_three = sum_medians(r, ["paper-pandoc-docx", "paper-pandoc-latex", "paper-pandoc-pdf"])
        b_check, b_build = med("book-check"), med("book-build")
        b_rss = statistics.median(r["book-build"].rss_kb) / 1024 if r["book-build"].rss_kb else None
        why_startup = (f"Of it, {start_b:.3f} s is start-up (the one-line paper's build: interpreter, imports of reportlab, python-docx and Jinja, "
                       f"fonts, template, four files written), leaving {p_build - start_b:.3f} s for the paper itself; see *Profile* below." if start_b and p_build else "")
        target("check of the paper ≤ 0.12 s", p_check, 0.12, f"{p_check:.3f} s" if p_check else "",
               f"All of it is the reader's (`exporter check` imports no rendering library); start-up alone is {start_c:.3f} s." if start_c else "", row="paper-check")
        w(f"| check imports no rendering library | {'none of ' + ', '.join(RENDERING_MODULES) if not check_imports else 'imports ' + ', '.join(check_imports)} | {'yes' if not check_imports else '**no**'} |")
        if check_imports:
            misses.append(f"- **check imports no rendering library**: it imports {', '.join(check_imports)}.")
        target("build of the paper, 3 editions ≤ 0.6 s", p_build, 0.6, f"{p_build:.3f} s" if p_build else "", why_startup, row="paper-build")
        target("… ≥ 4× faster than pandoc → PDF (xelatex)", pandoc_pdf / p_build if pandoc_pdf and p_build else None, 4.0,
               f"{pandoc_pdf / p_build:.1f}× ({pandoc_pdf:.2f} s / {p_build:.3f} s)" if pandoc_pdf and p_build else "", why_startup, higher_is_better=True, row="paper-build")
        target("… ≥ 4× faster than pandoc's three (DOCX + LaTeX + PDF by XeLaTeX; issue 19)", pandoc_three / p_build if pandoc_three and p_build else None, 4.0,
               f"{pandoc_three / p_build:.1f}× ({pandoc_three:.2f} s / {p_build:.3f} s)" if pandoc_three and p_build else "", why_startup, higher_is_better=True, row="paper-build")
        target("… ≤ 1.4× the floor (bare reportlab + bare python-docx)", p_build / floor if floor and p_build else None, 1.4,
               f"{p_build / floor:.2f}× ({p_build:.3f} s / ({med('paper-floor-pdf'):.3f} + {med('paper-floor-docx'):.3f} s))" if floor and p_build else "",
               "The floor makes no LaTeX edition, no links, flags, outline or report, and reads no source; " + why_startup, row="paper-build")
        target(f"book (×{self.args.repeat}): build ≤ 14 s", b_build, 14.0, f"{b_build:.2f} s" if b_build else "",
               f"reportlab's layout of {n_pages or '?'} pages dominates: the bare reportlab floor alone takes {med('book-floor-pdf') or float('nan'):.2f} s, "
               f"the bare python-docx floor {med('book-floor-docx') or float('nan'):.2f} s; the reader's check {b_check or float('nan'):.2f} s.", row="book-build")
        target("book: build peak memory ≤ 500 MB", b_rss, 500.0, f"{b_rss:.0f} MB" if b_rss else "", "", row="book-build")
        target("book: check ≤ 3 s", b_check, 3.0, f"{b_check:.2f} s" if b_check else "", "All of it is the reader's (see *Findings for the reader*).", row="book-check")
        cpu_med = lambda k: statistics.median(r[k].cpus) if k in r and r[k].cpus else None
        per_paper = med("proc-1") / len(self.papers) if med("proc-1") else None
        for name in ("build", "check"):
            big, small, start = med(f"book-{name}"), med(f"paper-{name}"), med(f"startup-{name}")
            value = (big - start) / (small - start) if None not in (big, small, start) and small > start else None
            why = f"Net of start-up the paper itself costs {small - start:.3f} s, the difference of two close medians, which this ratio magnifies." if value is not None else ""
            cb, cs, c0 = cpu_med(f"book-{name}"), cpu_med(f"paper-{name}"), cpu_med(f"startup-{name}")
            if None not in (cb, cs, c0) and cs > c0:
                why += f" In CPU time: {(cb - c0) / (cs - c0):.1f}×."
            if name == "build" and per_paper and big and start:
                why += (f" Per copy, the book costs {(big - start) / self.args.repeat:.3f} s; a paper of the proceedings, built one after another "
                        f"in one process (--jobs 1), {per_paper:.3f} s.")
            target(f"book: {name} grows linearly (net of start-up, ≤ {self.args.repeat}× the paper)", value, float(self.args.repeat),
                   f"{value:.1f}× (({big:.2f} − {start:.3f}) / ({small:.3f} − {start:.3f}))" if value is not None else "", why, row=f"book-{name}")
        p1, pn = med("proc-1"), med("proc-n")
        cpu_of = lambda k: f"{statistics.median(r[k].cpus):.1f} s" if k in r and r[k].cpus else "?"
        target(f"proceedings: --jobs {self.cores} ≥ 1.7× faster than --jobs 1", p1 / pn if p1 and pn else None, 1.7,
               f"{p1 / pn:.2f}× ({p1:.1f} s / {pn:.1f} s)" if p1 and pn else "",
               f"Each worker is a process that pays its own start-up (imports, fonts) once, and the parent reads, orders and prints the results. "
               f"CPU time of the whole tree: {cpu_of('proc-1')} with --jobs 1, {cpu_of('proc-n')} with --jobs {self.cores}.",
               higher_is_better=True, row="proc-1")
        w("")
        if misses:
            w("### Missed\n")
            out.extend(misses)
            w("")
        else:
            w("Every target is met in this run.\n")
        findings = BENCH / "FINDINGS.md"
        if findings.exists():
            out.append(findings.read_text(encoding="utf-8").rstrip() + "\n")
        return "\n".join(out)


SPEEDUPS = ("fork", "rlfont", "docxzip", "jinja", "gc", "regex", "dataclass", "pyphen", "subsets")  # exporter/speedups.py NAMES


class OtherLoad:
    """How many cores processes other than the bench's own kept busy, sampled every second
    from /proc (Linux) in a thread: the bench's runs are this process's descendants."""

    def __init__(self):
        self.used = 0.0
        self.last: dict[int, float] = {}
        self.started = time.perf_counter()
        self.done = threading.Event()
        self.sample()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self) -> None:
        while not self.done.wait(1.0):
            self.sample()

    def sample(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        parents, cpu = {}, {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                pid = int(stat.parent.name)
                parents[pid] = int(fields[1])
                cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
            except (OSError, ValueError, IndexError):
                continue
        me = os.getpid()

        def ours(pid: int) -> bool:
            for _ in range(64):
                if pid == me:
                    return True
                pid = parents.get(pid, 0)
                if pid <= 1:
                    return False
            return False

        for pid, seconds in cpu.items():
            if pid in self.last and not ours(pid):
                self.used += max(0.0, seconds - self.last[pid])
        self.last = cpu

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        self.sample()
        elapsed = time.perf_counter() - self.started
        return self.used / elapsed if elapsed > 0 else 0.0


def paragraphs(model: dict) -> list[str]:
    """The text the editions set: title lines, then every block (a list's items one by one)."""
    meta = model["meta"]
    out = [x for x in (meta.get("udc"), meta.get("title")) if x]
    out += [", ".join(meta.get("authors") or [])] if meta.get("authors") else []
    out += [x for x in ("; ".join(meta.get("affiliations") or []), meta.get("position"), meta.get("supervisor"), meta.get("abstract")) if x]
    for block in model["blocks"]:
        if block["type"] == "list":
            out += [item["text"] for item in block["items"]]
        else:
            out.append(block["text"])
    out += [entry.get("text") or "" for entry in model.get("references", [])]
    return [x for x in out if x]


def sum_medians(rows: dict, keys: list[str]) -> float | None:
    values = [rows[k].median for k in keys if k in rows]
    return sum(values) if values and all(v is not None for v in values) else None


def ratio_text(ratio: float) -> str:
    return f"**{ratio:.1f}× faster**" if ratio >= 1 else f"{1 / ratio:.2f}× slower"


def short(cmd: list[str]) -> str:
    text = " ".join(cmd)
    for path, name in ((str(ROOT) + "/", ""), (sys.executable, "python")):
        text = text.replace(path, name)
    text = re.sub(r"(\S*proceedings/paper-\d+\.txt ?)+", "bench/work/proceedings/*.txt ", text)
    return text if len(text) < 140 else text[:137] + "…"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    osname = platform.platform()
    try:
        osname = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text()).group(1) + f" (kernel {platform.release()})"
    except (OSError, AttributeError):
        pass
    return {"CPU": f"{cpu}, {os.cpu_count()} cores", "memory": mem, "OS": osname}


def versions(pandoc: str | None, xelatex: str | None) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"Python": platform.python_version()}
    libs = []
    for dist in ("exporter", "reportlab", "rl_accel", "python-docx", "lxml", "fonttools", "jinja2"):
        try:
            libs.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            libs.append(f"{dist} (not installed)")
    out["libraries"] = ", ".join(libs)
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        out["exporter commit"] = (rev or "unknown") + (" with uncommitted changes" if dirty else "")
    except OSError:
        pass
    for name, path in (("pandoc", pandoc), ("xelatex", xelatex)):
        if path:
            first = subprocess.run([path, "--version"], capture_output=True, text=True).stdout.splitlines()
            out[name] = first[0] if first else "unknown"
        else:
            out[name] = "not installed"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark exporter against pandoc and the bare libraries; write RESULTS.md.")
    parser.add_argument("--quick", action="store_true", help="tiny inputs, 1 run each, no warm-up: checks that the bench runs")
    parser.add_argument("--out", default=str(BENCH / "RESULTS.md"), help="results file (default: bench/RESULTS.md)")
    parser.add_argument("--work", default=str(BENCH / "work"), help="scratch folder for inputs and outputs (default: bench/work)")
    parser.add_argument("--runs", type=int, help="timed runs of each command (default: 5; 1 with --quick)")
    parser.add_argument("--slow-runs", type=int, default=1, help="runs of the slowest cases: pandoc's PDF of the proceedings (default: 1)")
    parser.add_argument("--book-pdf-slow", action="store_true", help="also count pandoc's PDF of the book as slow (--slow-runs)")
    parser.add_argument("--repeat", type=int, help="copies of the paper in the book (default: 100; 3 with --quick)")
    parser.add_argument("--papers", type=int, help="papers in the proceedings (default: 200; 3 with --quick)")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.quick else 5)
    args.repeat = args.repeat or (3 if args.quick else 100)
    args.papers = args.papers or (3 if args.quick else 200)
    bench = Bench(args)
    started = datetime.now(timezone.utc)
    bench.prepare()
    bench.plan()
    imports = bench.check_imports()
    bench.measure()
    text = bench.report(started, datetime.now(timezone.utc), imports)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
