"""Every command of the project: ``python -m chitieu [--root DIR] [--data-dir DIR] <command>``.

The Makefile calls these, so make is optional. Each handler parses nothing itself and prints what it did;
the work is done by the layers below (:mod:`chitieu.data`, :mod:`chitieu.analysis`, :mod:`chitieu.book`,
:mod:`chitieu.build`), imported only when their command runs, so ``check-data`` stays fast and a broken
optional module cannot stop the others.

Exit codes: 0 done, 1 the data, a chapter or a check failed (the message says what to fix), 2 a wrong
command line or a missing input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chitieu import config
from chitieu.data.errors import DataValidationError

NOTHING_PUBLISHED = "Không xuất bản: trang cũ giữ nguyên / nothing published; the previous site is unchanged."


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir is not None else Path(args.root) / "data"


def cmd_check_data(args: argparse.Namespace) -> int:
    """Validate every data file, the raw checksums, the checks and the corrections."""
    from chitieu.analysis import audit
    from chitieu.data.load import load_dataset

    try:
        ds = load_dataset(_data_dir(args))
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


def cmd_book(args: argparse.Namespace) -> int:
    """Validate, execute every chapter for ``--year``, build and publish the site."""
    from chitieu.analysis.years import YearDataError
    from chitieu.build.pipeline import BuildError, build_book

    try:
        build_book(args.year, root=Path(args.root), workers=args.workers, warm_kernels=not args.standard_kernels)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        print("Không dựng sách: dữ liệu lỗi / build stopped: invalid data. Nothing was changed.", file=sys.stderr)
        return 1
    except YearDataError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        print(NOTHING_PUBLISHED, file=sys.stderr)
        return 1
    return 0


def cmd_run_chapter(args: argparse.Namespace) -> int:
    """Execute one chapter into ``_build/chapter-preview`` (no site build, nothing published)."""
    from chitieu.build.execute import execute_chapter

    root = Path(args.root)
    name = Path(args.chapter).name.removesuffix(".md").removesuffix(".ipynb")
    source = root / "notebooks" / f"{name}.md"
    if not source.is_file():
        print(f"không có chương / no such chapter: {source}", file=sys.stderr)
        return 2
    out_dir = root / "_build" / "chapter-preview" / "book"
    out_dir.mkdir(parents=True, exist_ok=True)
    link = out_dir.parent / "data"
    if not link.exists():
        link.symlink_to(_data_dir(args).resolve(), target_is_directory=True)
    output = out_dir / f"{name}.ipynb"
    run = execute_chapter(source, output, {"report_year": args.year, "data_dir": "../data"}, out_dir)
    if run.error:
        print(run.error, file=sys.stderr)
        return 1
    print(f"{name}: executed in {run.seconds:.1f} s → {output}")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Match every statistic of the report to the data; write ``data/coverage_unmatched.csv``.

    0 when at least the target share of statistics is matched and none is unexplained, else 1.
    """
    from chitieu.analysis import coverage

    data_dir = _data_dir(args)
    try:
        report = coverage.run_coverage(data_dir)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    out_path = data_dir / coverage.UNMATCHED_FILE
    coverage.write_unmatched(report, out_path)
    print(coverage.format_summary(report, out_path))
    if report.passed:
        return 0
    print(
        f"Chưa đạt (not met): cần ≥ {coverage.TARGET_PERCENT}% số liệu thống kê khớp và 0 số chưa giải thích "
        f"(need ≥ {coverage.TARGET_PERCENT}% matched and no unexplained statistic); có {report.unexplained} số "
        f"chưa giải thích, xem {out_path} (reason = {coverage.UNEXPLAINED}) và thêm dữ liệu hoặc một dòng vào "
        f"{coverage.SKIPPED_FILE}.",
        file=sys.stderr,
    )
    return 1


def cmd_audit(args: argparse.Namespace) -> int:
    """Evaluate every check and write ``audit.csv``; findings of the report are not errors (exit 0)."""
    from chitieu.analysis import audit
    from chitieu.data.load import load_dataset

    out = Path(args.out) if args.out else Path(args.root) / "_build" / "html" / "data" / "audit.csv"
    try:
        ds = load_dataset(_data_dir(args))
        checks = audit.load_checks(ds)
        audit.load_corrections(ds, checks)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    results = audit.evaluate_all(ds, checks)
    audit.write_audit_csv(results, out)
    counts = audit.status_counts(results)
    summary = ", ".join(f"{audit.status_label(s)}: {n}" for s, n in counts.items())
    print(f"Kiểm tra số liệu / audit: {len(results)} phép kiểm tra — {summary} → {out}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Print the figures that changed, appeared or disappeared between two report years."""
    from chitieu.book.yeardiff import CHANGE_VI, compare
    from chitieu.data.load import load_dataset

    try:
        ds = load_dataset(_data_dir(args))
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    diff = compare(ds, args.year_from, args.year_to)
    counts = diff["change"].value_counts()
    print(
        f"So sánh sách năm {args.year_from} → {args.year_to} / book as of {args.year_from} vs {args.year_to}: "
        + ", ".join(f"{CHANGE_VI[c]} ({c}): {int(counts.get(c, 0))}" for c in CHANGE_VI)
    )
    for row in diff.itertuples():
        place = f" [{row.locality}]" if row.locality else ""
        print(f"  {CHANGE_VI[row.change]:<10} {row.name_vi}{place}: {row.before} → {row.after}")
    return 0


def cmd_weight(args: argparse.Namespace) -> int:
    """Print the bytes each page downloads; 1 when a chapter is over budget or a resource is missing or
    external, 2 without a built site."""
    from chitieu.build import weight

    html_dir = Path(args.html_dir) if args.html_dir else Path(args.root) / "_build" / "html"
    try:
        report = weight.measure(html_dir)
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(weight.render(report))
    if any(w.over_budget for w in report.pages) or report.missing or report.external:
        return 1
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Measure clean, no-op and incremental builds against the alternatives (prints figures)."""
    from chitieu.build.bench import run_bench

    run_bench(Path(args.root))
    return 0


def _year(text: str) -> int:
    """A report year: four digits (refuses ``2023; touch x`` and the like before anything runs)."""
    if not (len(text) == 4 and text.isdigit()):
        raise argparse.ArgumentTypeError(f"năm phải gồm 4 chữ số / a year is four digits, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m chitieu", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=config.PROJ_ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder (default: ROOT/data)")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("check-data", help="validate every data file and the raw checksums").set_defaults(
        func=cmd_check_data
    )

    book = sub.add_parser("book", help="execute every chapter for a report year and build the site")
    book.add_argument(
        "--year", type=_year, default=config.DEFAULT_REPORT_YEAR, help="report year (default %(default)s)"
    )
    book.add_argument("--workers", type=int, default=None, help="parallel chapters (default: one per core)")
    book.add_argument(
        "--standard-kernels",
        action="store_true",
        help="start every chapter's kernel afresh instead of forking warm ones (slower, same notebooks)",
    )
    book.set_defaults(func=cmd_book)

    one = sub.add_parser("run-chapter", help="execute one chapter into _build/chapter-preview (no site build)")
    one.add_argument("chapter", help="chapter name, e.g. 02_kinh_te")
    one.add_argument("--year", type=_year, default=config.DEFAULT_REPORT_YEAR)
    one.set_defaults(func=cmd_run_chapter)

    sub.add_parser(
        "coverage", help="match every statistic of the report to the data; write data/coverage_unmatched.csv"
    ).set_defaults(func=cmd_coverage)

    aud = sub.add_parser("audit", help="evaluate every check of data/checks.csv; write _build/html/data/audit.csv")
    aud.add_argument("--out", type=Path, default=None, help="output CSV (default _build/html/data/audit.csv)")
    aud.set_defaults(func=cmd_audit)

    diff = sub.add_parser("diff", help="figures that changed, appeared or disappeared between two report years")
    diff.add_argument("--from", dest="year_from", type=_year, required=True)
    diff.add_argument("--to", dest="year_to", type=_year, required=True)
    diff.set_defaults(func=cmd_diff)

    weight = sub.add_parser("weight", help="bytes a reader downloads per page; fails if a chapter adds > 400 KB")
    weight.add_argument("--html-dir", type=Path, default=None, help="built site (default: ROOT/_build/html)")
    weight.set_defaults(func=cmd_weight)

    sub.add_parser("bench", help="measure clean, no-op and incremental builds against the alternatives").set_defaults(
        func=cmd_bench
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

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
