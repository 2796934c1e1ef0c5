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
    return parser


def _print_json(obj: dict) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
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
