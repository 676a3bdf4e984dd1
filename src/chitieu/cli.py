"""Command line: ``python -m chitieu <command>``. The Makefile calls these, so make is optional."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chitieu import config
from chitieu.errors import DataValidationError


def _cmd_check_data(args: argparse.Namespace) -> int:
    from chitieu.load import load_dataset

    try:
        ds = load_dataset(args.data_dir)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    print(
        f"Dữ liệu hợp lệ / data valid: {len(ds.indicators)} chỉ tiêu, {len(ds.targets)} mục tiêu, "
        f"{len(ds.observations)} số liệu, {len(ds.sources)} nguồn gốc (sha256 khớp)."
    )
    return 0


def _cmd_book(args: argparse.Namespace) -> int:
    from chitieu.build import cli_book

    return cli_book(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m chitieu", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=config.DATA_DIR, help="data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check-data", help="validate every data file and the raw checksums").set_defaults(func=_cmd_check_data)
    from chitieu.coverage import cli_coverage

    sub.add_parser(
        "coverage", help="match every statistic of the report to the data; write data/coverage_unmatched.csv"
    ).set_defaults(func=cli_coverage)
    book = sub.add_parser("book", help="execute every chapter for a report year and build the site")
    book.add_argument("--year", type=int, default=config.DEFAULT_REPORT_YEAR, help="report year (default %(default)s)")
    book.add_argument("--workers", type=int, default=None, help="parallel chapters (default: one per core)")
    book.set_defaults(func=_cmd_book)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)
