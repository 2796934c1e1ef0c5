"""Command line: argument parsing and exit codes only."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from contextlib import contextmanager
from functools import cache

from . import compile_cache
from .diagnostics import Diagnostic, InputError
from .messages import LANGUAGES, environment_language
from .terminal import Terminal, quiet_libraries

EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_LANG_HELP = "language of the findings: kk, ru or en (default: from LC_ALL, LC_MESSAGES or LANG, e.g. ru_RU.UTF-8; else en)"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise InputError(self.prog, message)


# The subcommands (each keeps its own compile cache files: compile_cache.warm).
COMMANDS = ("check", "inspect", "build", "fix", "bib", "annotate", "volume", "templates", "serve")


@cache
def _parser() -> argparse.ArgumentParser:
    """Built once per process (argparse spends most of a small `check` building itself)."""
    parser = _Parser(prog="exporter", description="Check a paper's citations and export print-ready editions.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="report citations with no entry, unused entries, numbering problems")
    check.add_argument("source")
    check.add_argument("--bib", help="bibliography file to link against: BibTeX, CSL-JSON or RIS (wins over the paper's own list)")
    check.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    check.add_argument("--template", help="venue whose entry style (`form` under [bibliography]) the entries are checked against")
    check.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP)
    inspect = sub.add_parser("inspect", help="print the normalised document model as JSON")
    inspect.add_argument("source")
    inspect.add_argument("--bib", help="bibliography file to link against: BibTeX, CSL-JSON or RIS (wins over the paper's own list)")
    build = sub.add_parser("build", help="write DOCX, PDF and LaTeX editions and a JSON report")
    build.add_argument("sources", nargs="*", metavar="SOURCE", help="papers to build (default: every paper in source/)")
    build.add_argument("--bib", help="bibliography file: BibTeX, CSL-JSON or RIS (default: each paper's references/<stem>.bib, in the current folder, when it exists)")
    build.add_argument("--template", default="kz-conference", help="venue template name or folder (default: kz-conference)")
    build.add_argument("--to", default="docx,pdf,latex", help="editions to write, comma-separated (default: docx,pdf,latex)")
    build.add_argument("--out", default="dist", help="output folder (default: dist)")
    build.add_argument("--strict", action="store_true", help="exit 1 when a citation is unresolved, a venue rule is broken (VEN…) or a character has no font (GLY001)")
    build.add_argument("--jobs", "-j", type=int, help="papers built in parallel (default: every usable core when there are several papers)")
    build.add_argument("--style", help="bibliography style: a CSL style (apa, ieee, vancouver, gost-r-7-0-5-2008-numeric, or a .csl file) or a macro of the venue's bibliography.j2 (default: the venue's)")
    build.add_argument("--lang", choices=LANGUAGES, help=_LANG_HELP + "; also in the reports")
    fix = sub.add_parser("fix", help="write a corrected copy: --renumber numbers sources in order of first citation")
    fix.add_argument("source")
    fix.add_argument("--bib", help="bibliography file to renumber with the paper (a copy is written beside the paper's)")
    fix.add_argument("--renumber", action="store_true", help="renumber citations and reorder the list by first citation")
    fix.add_argument("--out", default="dist/fixed", help="output folder (default: dist/fixed)")
    fix.add_argument("--template", default="kz-conference", help="venue whose style decides whether ranges such as [1–3] are written")
    bib = sub.add_parser("bib", help="print the bibliography a paper uses, as BibTeX, BibLaTeX, CSL-JSON, RIS or text")
    bib.add_argument("source")
    bib.add_argument("--bib", help="bibliography file (BibTeX, CSL-JSON or RIS): its entries the paper cites, in citation order")
    bib.add_argument("--to", required=True, choices=("bibtex", "biblatex", "csl-json", "ris", "text"))
    bib.add_argument("--style", help="for --to text: a CSL style or a macro of the venue's bibliography.j2 (default: the venue's)")
    bib.add_argument("--template", default="kz-conference", help="venue whose style formats --to text (default: kz-conference)")
    annotate = sub.add_parser("annotate", help="copy an author's .docx with a Word comment at each finding")
    annotate.add_argument("source")
    annotate.add_argument("--bib", help="bibliography file to link against: BibTeX, CSL-JSON or RIS (wins over the paper's own list)")
    annotate.add_argument("--out", help="the annotated copy (default: dist/<stem>.checked.docx)")
    annotate.add_argument("--lang", choices=LANGUAGES, help="language of the Word comments: kk, ru or en (default: the paper's own language)")
    volume = sub.add_parser("volume", help="bind many papers into one proceedings book (contents, page numbers, running heads, author index)")
    volume.add_argument("sources", nargs="+", metavar="SOURCE", help="papers, in the order of the book")
    volume.add_argument("--bib-dir", help="folder with each paper's bibliography as <stem>.bib, .json or .ris (else each paper's own list)")
    volume.add_argument("--template", default="kz-conference", help="venue template name or folder (default: kz-conference)")
    volume.add_argument("--title", default="Proceedings", help="the book's title (default: Proceedings)")
    volume.add_argument("--editors", default="", help="the editors' line of the title page")
    volume.add_argument("--to", default="pdf,latex", help="the book's editions, comma-separated: volume.pdf, volume.tex (default: pdf,latex)")
    volume.add_argument("--out", default="dist", help="output folder (default: dist)")
    volume.add_argument("--jobs", "-j", type=int, help="papers rendered in parallel (default: every usable core)")
    volume.add_argument("--strict", action="store_true", help="write nothing and exit 1 when a paper has an unresolved citation or a venue-rule error")
    volume.add_argument("--lang", choices=LANGUAGES, help="language of the findings in volume.report.json: kk, ru or en (default: from LC_ALL, LC_MESSAGES or LANG; else en)")
    sub.add_parser("templates", help="list the venue templates")
    serve = sub.add_parser("serve", help="run the web page and HTTP API (drop a paper, see its problems, download editions)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--workers", type=int, default=None, help="worker processes for checks, and as many for builds (default: one per core)")
    serve.add_argument("--time-limit", type=float, default=60.0, metavar="SECONDS", help="stop a paper's check or build after this long (default: 60)")
    serve.add_argument("--memory-limit", type=int, default=2048, metavar="MB", help="address space of a worker process (default: 2048)")
    return parser


def _file_name(name: str) -> str:
    """`name`, refused when it cannot be printed on one line or written back as UTF-8."""
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    shown = "".join(f"\\x{ord(ch):02x}" if ch < " " or "\x7f" <= ch < "\xa0" else ch for ch in shown)
    if shown != name:
        raise InputError(shown, "the file name is not valid UTF-8 or holds a control character; rename the file")
    return name


def _input(name: str) -> str:
    """An input file's name (see `_file_name`), refused when it names a pipe, a device or a
    socket: reading one may wait for a writer forever or never end. A missing file or a
    folder is left to the reader, which says so."""
    name = _file_name(name)
    try:
        mode = os.stat(name).st_mode
    except (OSError, ValueError):
        return name
    if stat.S_ISFIFO(mode):
        raise InputError(name, "is a named pipe (FIFO), not a file; save what it carries to a file first")
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InputError(name, "is a device or socket, not a file")
    return name


@contextmanager
def _batch_gc():
    """Python's cyclic garbage collector, set for this command's batch of builds (the CLI
    process only: a Python caller of the build keeps its collector as it was).

    A build allocates hundreds of thousands of short-lived objects (layout fragments, XML
    proxies), so the collector runs hundreds of times, each full collection walking every
    object alive, the imported modules included. So what is alive when the batch starts is
    frozen (no longer walked; forked workers do not copy those pages), and young objects are
    collected less often; at the end one full collection frees the batch's garbage and what
    is still alive is frozen too, so the interpreter's exit has little left to walk. The
    process exits right after: nothing is ever unfrozen.
    """
    import gc

    from . import speedups

    if not speedups.enabled("gc"):
        yield
        return
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    try:
        yield
    finally:
        gc.collect()
        gc.freeze()


def _conventional_bib(source: str) -> str | None:
    """The bibliography `build` links a paper with when no --bib is given, whether the paper was
    named or found in source/: `references/<stem>.bib` in the current folder, when that is a file."""
    from pathlib import Path

    bib = Path("references") / f"{Path(source).stem}.bib"
    return str(bib) if bib.is_file() else None


def _build(args) -> int:
    from pathlib import Path

    from .build import build_many, default_workers, make_folder, plan
    from .report import summary_line
    from .venue import Template

    formats = list(dict.fromkeys(f.strip() for f in args.to.split(",") if f.strip()))
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs", "must be at least 1")
    skipped: list[InputError] = []
    if args.sources:
        jobs = [(_input(s), _input(args.bib) if args.bib else _conventional_bib(s)) for s in args.sources]
    else:
        if args.bib:
            raise InputError("--bib", "give SOURCE files with --bib; without them each paper in source/ takes references/<stem>.bib")
        from .readers import extensions

        readable = extensions()
        papers = sorted(p for p in Path("source").iterdir() if p.is_file() and p.suffix.lower() in readable) if Path("source").is_dir() else []
        if not papers:
            raise InputError("source/", f"no papers to build (no {', '.join(readable)} files); give SOURCE files")
        jobs = []
        for paper in papers:
            try:
                jobs.append((_file_name(str(paper)), _conventional_bib(str(paper))))
            except InputError as exc:  # one badly named paper does not stop the others
                skipped.append(exc)
    template = Template.load(args.template)  # a bad name fails here, before any work
    out = Path(_file_name(args.out))
    plan(jobs, formats, out, template)  # refusals, before any work
    jobs_n = args.jobs if args.jobs is not None else default_workers(len(jobs))
    make_folder(out)
    for exc in skipped:
        print(f"exporter: error: {exc}", file=sys.stderr)
    unresolved, failed = False, bool(skipped)
    language = _language(args)
    terminal = Terminal()
    try:
        with _batch_gc(), terminal.progress(len(jobs), "building") as advance:
            for result in build_many(jobs, str(template.folder), formats, out, jobs_n, args.style, language) if jobs else ():
                advance()
                if isinstance(result, InputError):
                    print(f"exporter: error: {result}", file=sys.stderr)
                    failed = True
                    continue
                report, files = result
                for d in report["diagnostics"]:  # reports cross the worker pool as JSON
                    terminal.finding(Diagnostic.from_json(d).format(language), d["severity"], d["code"])
                terminal.line(summary_line(report, language))
                terminal.line(f"  wrote {', '.join(str(p) for p in files)}")
                unresolved |= bool(report["unresolved"]) or _breaks_venue_rules(report) or any(d["code"] == "GLY001" for d in report["diagnostics"])
    except OSError as exc:  # a full disk or a read-only folder: the previous editions stay as they were
        raise InputError(exc.filename or str(out), f"cannot write the editions: {exc.strerror or exc}") from None
    if failed:
        return EXIT_USAGE
    return EXIT_UNRESOLVED if (unresolved and args.strict) else EXIT_OK


def _fix(args) -> int:
    from pathlib import Path

    from .build import atomic_write, make_folder, refuse_special
    from .fix import FixRefused, output_path, plan_renumbering, renumber_bib, renumber_docx, renumber_text, table
    from .readers.docx.package import read_package
    from .sourcefile import read_bytes
    from .pipeline import read_and_link
    from .readers import choose_reader
    from .venue import Template

    if not args.renumber:
        raise InputError("fix", "say what to fix: --renumber (the only fix so far)")
    source, bib = _input(args.source), args.bib and _input(args.bib)
    if bib:
        from .references import bibliography_format

        if bibliography_format(bib) != "bibtex":
            raise InputError(bib, "only a BibTeX file is renumbered; write one with `exporter bib SOURCE --bib FILE --to bibtex` and fix with it")
    kind = choose_reader(source)
    if kind not in ("plaintext", "markdown", "docx"):
        raise InputError(source, "renumbering works on .txt, .md and .docx sources; a PDF is an output, fix its source")
    ranges = bool(Template.load(args.template).venue.bibliography.ranges)
    linked = read_and_link(source, bib)
    try:
        plan = plan_renumbering(linked)
    except FixRefused as exc:
        return _not_renumbered(source, exc)
    out = Path(_file_name(args.out))
    targets = [(source, output_path(out, source))] + ([(bib, output_path(out, bib))] if bib else [])
    inputs = {Path(p).resolve() for p, _ in targets}
    if len({t.resolve() for _, t in targets}) < len(targets) or any(t.resolve() in inputs for _, t in targets):
        raise InputError(str(out), "the corrected copy would overwrite an input or another copy; choose another --out")
    for _, target in targets:
        refuse_special(target)  # before any work: a device or a pipe is never replaced
    try:
        if kind == "docx":
            fixed = [(targets[0][1], renumber_docx(source, read_package(source), linked, plan, ranges))]
        else:
            fixed = [(targets[0][1], renumber_text(read_bytes(source), linked.document.encoding, linked, plan, ranges))]
    except FixRefused as exc:
        return _not_renumbered(source, exc)
    if bib:
        try:
            fixed.append((targets[1][1], renumber_bib(bib, read_bytes(bib), linked.document.references, plan)))
        except FixRefused as exc:
            return _not_renumbered(bib, exc)
    make_folder(out)
    try:
        for path, data in fixed:
            atomic_write(path, data)
    except OSError as exc:
        raise InputError(exc.filename or str(out), f"cannot write the corrected copy: {exc.strerror or exc}") from None
    for line in table(plan):
        print(line)
    print(f"  wrote {', '.join(str(p) for p, _ in fixed)}" + ("" if plan.changes else " (already in order of first citation)"))
    return EXIT_OK


def _not_renumbered(path: str, exc) -> int:
    """A refused fix: one line on stderr (at the place, when one place is the reason), exit 1."""
    where = f"{path}:{exc.place}" if exc.place else path
    print(f"exporter: not renumbered: {where}: {exc}", file=sys.stderr)
    return EXIT_UNRESOLVED


def _venue_form(template) -> str | None:
    """The entry form a venue expects (`form` under [bibliography], validated by the venue)."""
    return template.venue.bibliography.form


def _bib(args) -> int:
    from .references.used import used_entries
    from .pipeline import read_and_link
    from .references.bibwriter import write
    from .venue import Template

    template = Template.load(args.template)
    if args.style:
        from .template_files import find_style, is_csl

        if is_csl(args.style):
            find_style(args.style, template.folder)  # a bad name fails before any work
    linked = read_and_link(_input(args.source), args.bib and _input(args.bib), pictures=False)  # the entries only: no picture is shown
    entries = used_entries(linked)

    def text_lines(entries):
        from .references.csl import entry_runs

        runs = entry_runs(entries, template, linked.document.meta.language, args.style)
        return [f"{e.number}. " + " ".join("".join(r.text for r in styled).split()) for e, styled in zip(entries, runs)]

    sys.stdout.write(write(entries, args.to, text_lines))
    return EXIT_OK


def _volume(args) -> int:
    from pathlib import Path

    from .volume import EDITIONS, NotReady, bib_for, build_volume
    from .venue import Template

    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs", "must be at least 1")
    editions = tuple(dict.fromkeys(f.strip() for f in args.to.split(",") if f.strip()))
    if not editions or any(e not in EDITIONS for e in editions):
        raise InputError("--to", f"unknown edition {', '.join(e for e in editions if e not in EDITIONS) or '(none)'}; choose from {', '.join(EDITIONS)}")
    bib_dir = Path(_file_name(args.bib_dir)) if args.bib_dir else None
    if bib_dir is not None and not bib_dir.is_dir():
        raise InputError(str(bib_dir), "is not a folder")
    sources = [_input(s) for s in args.sources]
    template = Template.load(args.template)
    try:
        with _batch_gc():
            volume = build_volume([(s, bib_for(s, bib_dir)) for s in sources], template, Path(_file_name(args.out)), args.title, args.editors, args.jobs, args.strict, _language(args), editions)
    except NotReady as exc:
        for part in exc.parts:
            print(f"{part.source}: to fix before binding: {', '.join(part.blocking)}", file=sys.stderr)
        print(f"exporter: {len(exc.parts)} of {len(sources)} papers to fix; nothing written (--strict)", file=sys.stderr)
        return EXIT_UNRESOLVED
    except OSError as exc:
        raise InputError(exc.filename or args.out, f"cannot write the volume: {exc.strerror or exc}") from None
    pages = volume.first_pages[-1] + volume.parts[-1].pages - 1
    media = [p for p in volume.files if p.name.endswith(".media")]
    wrote = [str(p) for p in volume.files if p not in media] + ([f"{len(media)} media folder(s) beside them"] if media else [])
    print(f"volume: {len(volume.parts)} papers, {pages} pages; wrote {', '.join(wrote)}")
    return EXIT_OK


def _print_json(obj: dict) -> None:
    import json  # only --json and inspect print JSON: a plain check does not pay for the import

    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "templates":
        from .venue import available, Template

        for name, folder in available().items():
            print(f"{name:16} {Template(name, folder).description}")
        return EXIT_OK
    if args.command == "bib":
        return _bib(args)
    if args.command == "build":
        return _build(args)
    if args.command == "annotate":
        from .annotate import annotate

        target, added = annotate(_input(args.source), args.bib and _input(args.bib), args.out and _file_name(args.out), args.lang)
        print(f"{args.source}: {added} comment{'s' * (added != 1)} added, wrote {target}")
        return EXIT_OK
    if args.command == "fix":
        return _fix(args)
    if args.command == "volume":
        return _volume(args)
    if args.command == "serve":
        if args.workers is not None and args.workers < 1:
            raise InputError("--workers", "must be at least 1")
        if not args.time_limit > 0:
            raise InputError("--time-limit", "must be more than 0 seconds")
        if args.memory_limit < 256:
            raise InputError("--memory-limit", "must be at least 256 MB (a worker needs about 150 MB to start)")
        from .web.server import serve
        from .web.workers import Limits

        serve(args.host, args.port, args.workers, Limits(seconds=args.time_limit, memory_mb=args.memory_limit))
        return EXIT_OK
    from .pipeline import read_and_link
    from .report import check_json, model_json, summary_line

    expected_form, template = None, None
    if getattr(args, "template", None):
        from .venue import Template

        template = Template.load(args.template)
        expected_form = _venue_form(template)
    # a check without a venue shows no picture (inspect counts their bytes; a venue's rules lay out the pages)
    pictures = args.command != "check" or template is not None
    linked = read_and_link(_input(args.source), args.bib and _input(args.bib), expected_form, pictures=pictures)
    if template is not None and args.command == "check":
        from .build import venue_pages
        from .venue_rules import rule_findings
        from .writers import Edition

        linked = rule_findings(linked, template.venue.rules, venue_pages(Edition(linked, template)))
    if args.command == "inspect":
        _print_json(model_json(linked.document))
        return EXIT_OK
    language = _language(args)
    report = check_json(linked, language)
    if args.json:
        _print_json(report)
    else:
        terminal = Terminal()
        for d in linked.diagnostics:
            terminal.finding(d.format(language), d.severity.value, d.code)
        terminal.line(summary_line(report, language))
    return EXIT_UNRESOLVED if report["unresolved"] or _breaks_venue_rules(report) else EXIT_OK


def _language(args) -> str:
    """The findings' language: --lang, else the locale's (LC_ALL, LC_MESSAGES, LANG), else English."""
    return args.lang or environment_language()


def _breaks_venue_rules(report: dict) -> bool:
    """A venue-rule error (`VEN…`, checked with --template): like an unresolved citation, exit 1."""
    return any(d["code"].startswith("VEN") and d["severity"] == "error" for d in report["diagnostics"])


# Commands that read one paper and exit: with the `gc` speed-up, what is alive when they start
# is frozen and their imports and reading (a few hundred thousand short-lived objects) run with
# the young generation collected less often, as `_batch_gc` sets it for the batch of `build`
# and `volume`; `serve` keeps Python's collector.
_ONE_PAPER = ("check", "inspect", "bib", "fix", "annotate")


def _collect_less_for_one_paper(command: str) -> None:
    import gc

    from . import speedups

    if command in _ONE_PAPER and speedups.enabled("gc"):
        gc.freeze()  # the interpreter's and the command line's objects: never walked again
        threshold = gc.get_threshold()
        gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if argv is None:  # the command itself, not a Python caller of main
        _collect_less_for_one_paper(args[0] if args else "")
        quiet_libraries()
    # Before the readers and writers are imported (they compile at import); each command its own files.
    compile_cache.warm(args[0] if args and args[0] in COMMANDS else "")
    try:
        return run(args)
    except InputError as exc:
        print(f"exporter: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exporter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug of ours: still one line, and a distinct exit code
        print(f"exporter: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} (please report this)", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        compile_cache.remember()
