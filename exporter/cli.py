"""Command line: argument parsing and exit codes only."""

from __future__ import annotations

import argparse
import json
import sys

from .diagnostics import InputError

EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise InputError(self.prog, message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="exporter", description="Check a paper's citations and export print-ready editions.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="report citations with no entry, unused entries, numbering problems")
    check.add_argument("source")
    check.add_argument("--bib", help="BibTeX file to link against (wins over the paper's own list)")
    check.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    inspect = sub.add_parser("inspect", help="print the normalised document model as JSON")
    inspect.add_argument("source")
    inspect.add_argument("--bib")
    build = sub.add_parser("build", help="write DOCX, PDF and LaTeX editions and a JSON report")
    build.add_argument("sources", nargs="*", metavar="SOURCE", help="papers to build (default: every .txt in source/)")
    build.add_argument("--bib", help="BibTeX file (default: references/<stem>.bib when it exists)")
    build.add_argument("--template", default="kz-conference", help="venue template name or folder (default: kz-conference)")
    build.add_argument("--to", default="docx,pdf,latex", help="editions to write, comma-separated (default: docx,pdf,latex)")
    build.add_argument("--out", default="dist", help="output folder (default: dist)")
    build.add_argument("--strict", action="store_true", help="exit 1 when a citation is unresolved")
    build.add_argument("--jobs", "-j", type=int, default=1, help="papers built in parallel (default: 1)")
    sub.add_parser("templates", help="list the venue templates")
    return parser


def _build(args) -> int:
    from pathlib import Path

    from .build import build_many
    from .report import summary_line
    from .templates import Template
    from .writers import WRITERS

    formats = [f.strip() for f in args.to.split(",") if f.strip()]
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise InputError("--to", f"unknown edition {', '.join(unknown) or '(none)'}; choose from {', '.join(WRITERS)}")
    if args.jobs < 1:
        raise InputError("--jobs", "must be at least 1")
    if args.sources:
        jobs = [(s, args.bib) for s in args.sources]
    else:
        if args.bib:
            raise InputError("--bib", "give SOURCE files with --bib; without them each paper in source/ takes references/<stem>.bib")
        papers = sorted(Path("source").glob("*.txt"))
        if not papers:
            raise InputError("source/", "no papers to build (no .txt files); give SOURCE files")
        jobs = []
        for paper in papers:
            bib = Path("references") / f"{paper.stem}.bib"
            jobs.append((str(paper), str(bib) if bib.is_file() else None))
    template = Template.load(args.template)  # a bad name fails here, before any work
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    unresolved = failed = False
    for result in build_many(jobs, str(template.folder), formats, out, args.jobs):
        if isinstance(result, InputError):
            print(f"exporter: error: {result}", file=sys.stderr)
            failed = True
            continue
        report, files = result
        for d in report["diagnostics"]:
            print(f"{d['file']}:{d['line']}:{d['column']}: {d['severity']}[{d['code']}]: {d['message']}")
        print(summary_line(report))
        print(f"  wrote {', '.join(str(p) for p in files)}")
        unresolved |= bool(report["unresolved"])
    if failed:
        return EXIT_USAGE
    return EXIT_UNRESOLVED if (unresolved and args.strict) else EXIT_OK


def _print_json(obj: dict) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "templates":
        from .templates import available, Template

        for name, folder in available().items():
            print(f"{name:16} {Template(name, folder).description}")
        return EXIT_OK
    if args.command == "build":
        return _build(args)
    from .pipeline import read_and_link
    from .report import check_json, model_json, summary_line, text_lines

    linked = read_and_link(args.source, args.bib)
    report = check_json(linked)
    if args.command == "inspect":
        _print_json(model_json(linked.document))
        return EXIT_OK
    if args.json:
        _print_json(report)
    else:
        for line in text_lines(linked):
            print(line)
        print(summary_line(report))
    return EXIT_UNRESOLVED if report["unresolved"] else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except InputError as exc:
        print(f"exporter: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exporter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug of ours: still one line, and a distinct exit code
        print(f"exporter: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return EXIT_INTERNAL
