"""Command line: ``python -m chitieu [--data-dir DIR] <command>``. The Makefile calls these, so make is optional.

Commands import their module only when run, so ``check-data`` stays fast and a broken optional module
cannot stop the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from chitieu import config
from chitieu.data.errors import DataValidationError


def _cmd_check_data(args: argparse.Namespace) -> int:
    from chitieu.analysis import audit
    from chitieu.data.load import load_dataset

    try:
        ds = load_dataset(args.data_dir)
        checks = audit.load_checks(ds)
        corrections = audit.load_corrections(ds, checks)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    print(
        f"Dữ liệu hợp lệ / data valid: {len(ds.indicators)} chỉ tiêu, {len(ds.targets)} mục tiêu, "
        f"{len(ds.observations)} số liệu, {len(ds.sources)} nguồn gốc (sha256 khớp), "
        f"{len(checks)} phép kiểm tra, {len(corrections)} lựa chọn số liệu."
    )
    return 0


def _cmd_run_chapter(args: argparse.Namespace) -> int:
    from chitieu.build.execute import execute_chapter

    name = Path(args.chapter).name.removesuffix(".md").removesuffix(".ipynb")
    source = config.NOTEBOOKS_DIR / f"{name}.md"
    if not source.is_file():
        print(f"no such chapter: {source}", file=sys.stderr)
        return 2
    out_dir = config.BUILD_DIR / "chapter-preview" / "book"
    out_dir.mkdir(parents=True, exist_ok=True)
    link = out_dir.parent / "data"
    if not link.exists():
        link.symlink_to(config.DATA_DIR, target_is_directory=True)
    output = out_dir / f"{name}.ipynb"
    run = execute_chapter(source, output, {"report_year": args.year, "data_dir": "../data"}, out_dir)
    if run.error:
        print(run.error, file=sys.stderr)
        return 1
    print(f"{name}: executed in {run.seconds:.1f} s → {output}")
    return 0


def _lazy(module: str, function: str):
    """A command implemented in another module, imported when the command runs."""

    def run(args: argparse.Namespace) -> int:
        return getattr(importlib.import_module(module), function)(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m chitieu", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=config.DATA_DIR, help="data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("check-data", help="validate every data file and the raw checksums").set_defaults(func=_cmd_check_data)

    book = sub.add_parser("book", help="execute every chapter for a report year and build the site")
    book.add_argument("--year", type=int, default=config.DEFAULT_REPORT_YEAR, help="report year (default %(default)s)")
    book.add_argument("--workers", type=int, default=None, help="parallel chapters (default: one per core)")
    book.set_defaults(func=_lazy("chitieu.build.pipeline", "cli_book"))

    one = sub.add_parser("run-chapter", help="execute one chapter into _build/chapter-preview (no site build)")
    one.add_argument("chapter", help="notebook name, e.g. 02_kinh_te")
    one.add_argument("--year", type=int, default=config.DEFAULT_REPORT_YEAR)
    one.set_defaults(func=_cmd_run_chapter)

    sub.add_parser(
        "coverage", help="match every statistic of the report to the data; write data/coverage_unmatched.csv"
    ).set_defaults(func=_lazy("chitieu.analysis.coverage", "cli_coverage"))

    aud = sub.add_parser("audit", help="evaluate every check of data/checks.csv; write _build/html/data/audit.csv")
    aud.add_argument("--out", type=Path, default=None, help="output CSV (default _build/html/data/audit.csv)")
    aud.set_defaults(func=_lazy("chitieu.analysis.audit", "cli_audit"))

    diff = sub.add_parser("diff", help="figures that changed, appeared or disappeared between two report years")
    diff.add_argument("--from", dest="year_from", type=int, required=True)
    diff.add_argument("--to", dest="year_to", type=int, required=True)
    diff.set_defaults(func=_lazy("chitieu.analysis.yeardiff", "cli_diff"))

    weight = sub.add_parser("weight", help="bytes a reader downloads per page; fails if a chapter adds > 400 KB")
    weight.add_argument("--html-dir", type=Path, default=config.HTML_DIR, help="built site (default: _build/html)")
    weight.set_defaults(func=_lazy("chitieu.build.weight", "cli_weight"))

    sub.add_parser("bench", help="measure clean, no-op and incremental builds against the alternatives").set_defaults(
        func=_lazy("chitieu.build.bench", "cli_bench")
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader closed the pipe (``python -m chitieu diff … | head``): stop quietly, as Unix tools do.
        import os
        import sys

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
