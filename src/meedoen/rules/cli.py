"""Command line: `calculate FILE` and `calculate-batch IN OUT` (wired as `meedoen ...`).

Exit codes: 0 success; 1 batch finished but some rows were invalid (they are listed on stderr
and marked status=invalid in the output); 2 invalid input (bad JSON, SituationError, unknown
reform, unreadable batch file); 3 a needed parameter has no confirmed value for the period.
"""

import argparse
import json
import sys

from meedoen.rules.errors import ParameterOntbreekt
from meedoen.rules.reforms import UnknownReform

EXIT_OK, EXIT_INVALID_ROWS, EXIT_INVALID_INPUT, EXIT_MISSING_PARAMETER = 0, 1, 2, 3
MAX_ROWS_ON_STDERR = 50


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meedoen", description="Participatiewet rules engine")
    sub = parser.add_subparsers(dest="command", required=True)
    single = sub.add_parser("calculate", help="one situation (JSON) -> answer (JSON)")
    single.add_argument("file", help="JSON file with the situation, or - for stdin")
    batch = sub.add_parser("calculate-batch", help="CSV/Parquet caseload -> CSV/Parquet results")
    batch.add_argument("input")
    batch.add_argument("output")
    batch.add_argument("--no-progress", action="store_true")
    for command in (single, batch):
        command.add_argument("--reform", action="append", default=[], metavar="NAME")
        command.add_argument("--lang", choices=("nl", "en"), default="nl")
    return parser


def _say(lang: str, nl: str, en: str) -> None:
    print(en if lang == "en" else nl, file=sys.stderr)


def _calculate(args) -> int:
    from meedoen.rules.calculate import calculate
    from meedoen.rules.situation import SituationError

    try:
        if args.file == "-":
            data = json.load(sys.stdin)
        else:
            with open(args.file, encoding="utf-8") as handle:
                data = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        _say(
            args.lang, f"Kan de situatie niet lezen: {error}", f"Cannot read the situation: {error}"
        )
        return EXIT_INVALID_INPUT
    try:
        answer = calculate(data, reforms=tuple(args.reform), lang=args.lang)
    except SituationError as error:
        _say(args.lang, "De situatie klopt niet:", "The situation is not valid:")
        for path, messages in error.errors.items():
            for message in messages:
                _say(args.lang, f"  {path}: {message['nl']}", f"  {path}: {message['en']}")
        return EXIT_INVALID_INPUT
    except UnknownReform as error:
        _say(args.lang, error.nl, error.en)
        return EXIT_INVALID_INPUT
    except ParameterOntbreekt as error:
        _say(args.lang, error.nl, error.en)
        return EXIT_MISSING_PARAMETER
    json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _calculate_batch(args) -> int:
    from meedoen.rules.batch import BatchFormatError, calculate_batch

    try:
        report = calculate_batch(
            args.input, args.output, reforms=tuple(args.reform), progress=not args.no_progress
        )
    except (BatchFormatError, UnknownReform) as error:
        _say(args.lang, str(error), getattr(error, "en", str(error)))
        return EXIT_INVALID_INPUT
    _say(
        args.lang,
        f"{report.valid} van {report.rows} rijen berekend.",
        f"{report.valid} of {report.rows} rows calculated.",
    )
    for error in report.errors[:MAX_ROWS_ON_STDERR]:
        _say(
            args.lang,
            f"  rij {error['row']}, {error['field']}: {error['nl']}",
            f"  row {error['row']}, {error['field']}: {error['en']}",
        )
    if len(report.errors) > MAX_ROWS_ON_STDERR:
        _say(
            args.lang,
            f"  ... en nog {len(report.errors) - MAX_ROWS_ON_STDERR} meldingen "
            "(zie de kolom message).",
            f"  ... and {len(report.errors) - MAX_ROWS_ON_STDERR} more (see the message column).",
        )
    return EXIT_INVALID_ROWS if report.errors else EXIT_OK


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on usage errors
        return EXIT_OK if exit_.code == 0 else EXIT_INVALID_INPUT
    if args.command == "calculate":
        return _calculate(args)
    return _calculate_batch(args)
