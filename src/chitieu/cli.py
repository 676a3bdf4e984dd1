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
    """Validate every data file, the raw checksums, the checks, their findings and the corrections."""
    from chitieu.data.checks import load_checks, load_findings
    from chitieu.data.corrections import load_corrections
    from chitieu.data.load import load_dataset

    try:
        ds = load_dataset(_data_dir(args))
        checks = load_checks(ds)
        findings = load_findings(ds, checks)
        corrections = load_corrections(ds, checks)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    print(
        f"Dữ liệu hợp lệ / data valid: {len(ds.indicators)} chỉ tiêu, {len(ds.targets)} mục tiêu, "
        f"{len(ds.observations)} số liệu, {len(ds.sources)} nguồn gốc (sha256 khớp), "
        f"{len(checks)} phép kiểm tra ({len(findings)} phát hiện gộp nhiều phép), {len(corrections)} lựa chọn số liệu."
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
    except OSError as exc:
        if args.debug:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"Lỗi hệ thống tệp / file system error{where}: {exc.strerror or exc}", file=sys.stderr)
        print(NOTHING_PUBLISHED, file=sys.stderr)
        return 1
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    """Make the print edition (one A4 PDF) from the executed ``book/`` of ``--year``; publish it in ``_build/pdf``."""
    from chitieu.build.pdf.render import build_pdf
    from chitieu.build.pdf.source import MissingInput, PdfError

    try:
        build_pdf(Path(args.root), args.year)
    except MissingInput as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except PdfError as exc:
        print(str(exc), file=sys.stderr)
        print(
            "Không xuất bản: bản in cũ giữ nguyên / nothing published; the previous PDF is unchanged.", file=sys.stderr
        )
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


def cmd_candidates(args: argparse.Namespace) -> int:
    """Candidate rows of a raw text for review in Excel (``.xlsx``) or as ``.csv``."""
    from chitieu.analysis.extract.candidates import candidates_for
    from chitieu.book.workbook import write_candidates

    raw = Path(args.raw_file)
    out = Path(args.out) if args.out else Path(args.root) / "_build" / "candidates" / f"{raw.stem}.xlsx"
    if not raw.is_file():
        print(f"không có tệp / no such file: {raw}", file=sys.stderr)
        return 2
    if out.suffix.lower() not in (".xlsx", ".csv"):
        print(f"--out phải kết thúc bằng .xlsx hoặc .csv / --out must end in .xlsx or .csv: {out}", file=sys.stderr)
        return 2
    data_dir = _data_dir(args)
    try:
        run = candidates_for(raw, data_dir, args.as_of)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    except ValueError as exc:
        print(
            f"{raw}: không biết năm báo cáo: ghi date_iso vào tệp đi kèm (.meta.json) hoặc dùng --as-of NĂM / "
            f"the report's year is unknown ({exc}): write date_iso in its sidecar or pass --as-of YEAR",
            file=sys.stderr,
        )
        return 2
    write_candidates(out, run)
    known = sum(c.known for c in run.candidates)
    suggested = sum(bool(c.indicator_id) for c in run.candidates)
    print(
        f"{len(run.candidates)} ứng viên / candidates (năm báo cáo / as of {run.years.as_of}) → {out}: "
        f"{suggested} có chỉ tiêu đề xuất (with a suggested indicator), {known} đã có trong dữ liệu (already in the "
        f"data, decision 'bỏ')."
    )
    if raw.resolve().parent != (data_dir / "raw").resolve():
        print(
            f"Trước khi nhập, chép {raw.name} và tệp .meta.json của nó vào {data_dir / 'raw'} (trích dẫn được kiểm "
            f"tra với văn bản ở đó) / before importing, copy the text and its sidecar into {data_dir / 'raw'}.",
            file=sys.stderr,
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import the accepted rows of a reviewed candidates file, all or nothing."""
    from chitieu.data.importer import apply_import, format_plan, plan_import

    path = Path(args.file)
    if not path.is_file():
        print(f"không có tệp / no such file: {path}", file=sys.stderr)
        return 2
    data_dir = _data_dir(args)
    try:
        plan = plan_import(path, data_dir, replace=args.replace)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    if args.check:
        print(format_plan(plan, written=False) + "\n(--check: chưa ghi gì / nothing written)")
        return 0
    apply_import(plan, data_dir)
    print(format_plan(plan))
    return 0


def cmd_candidates_eval(args: argparse.Namespace) -> int:
    """Measure the candidates against the curated report (prints figures; a benchmark, not a test)."""
    from chitieu.analysis.extract.evaluate import evaluate, format_evaluation

    try:
        evaluation = evaluate(_data_dir(args))
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    print(format_evaluation(evaluation, worst=args.worst))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Evaluate every check and write ``audit.csv``; findings of the report are not errors (exit 0)."""
    from chitieu.analysis import audit
    from chitieu.book.audit_view import status_label
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
    summary = ", ".join(f"{status_label(s)}: {n}" for s, n in counts.items())
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


def cmd_lighthouse(args: argparse.Namespace) -> int:
    """Print Lighthouse's scores and the slow-link timings (chitieu.build.lighthouse); 1 when a target is
    missed, 2 without a built site or the tools (`make lighthouse` installs them)."""
    from chitieu.build import lighthouse

    html_dir = Path(args.html_dir) if args.html_dir else Path(args.root) / "_build" / "html"
    return lighthouse.run(html_dir, Path(args.root) / ".cache" / "node", Path(args.chromium))


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


def cmd_contract_docs(args: argparse.Namespace) -> int:
    """Rewrite the generated tables of ``docs/data_contract.md`` from ``data/schema`` (``--check``: only say)."""
    from chitieu.build.contractdocs import update_contract_doc

    path = Path(args.root) / "docs" / "data_contract.md"
    try:
        stale = update_contract_doc(path, _data_dir(args), check=args.check)
    except DataValidationError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    if stale and args.check:
        print(f"{path}: chưa cập nhật / out of date; run `python -m chitieu contract-docs`", file=sys.stderr)
        return 1
    print(f"{path}: {'đã cập nhật / updated' if stale else 'đã khớp / up to date'}")
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
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an unexpected error")
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

    pdf = sub.add_parser("pdf", help="the whole book as one A4 PDF (_build/pdf), from the executed book/")
    pdf.add_argument(
        "--year", type=_year, default=config.DEFAULT_REPORT_YEAR, help="report year book/ was executed for"
    )
    pdf.set_defaults(func=cmd_pdf)

    one = sub.add_parser("run-chapter", help="execute one chapter into _build/chapter-preview (no site build)")
    one.add_argument("chapter", help="chapter name, e.g. 02_kinh_te")
    one.add_argument("--year", type=_year, default=config.DEFAULT_REPORT_YEAR)
    one.set_defaults(func=cmd_run_chapter)

    sub.add_parser(
        "coverage", help="match every statistic of the report to the data; write data/coverage_unmatched.csv"
    ).set_defaults(func=cmd_coverage)

    cand = sub.add_parser("candidates", help="candidate rows of a raw text for review in Excel (.xlsx) or as .csv")
    cand.add_argument("raw_file", help="the raw text (UTF-8), with its sidecar <name>.meta.json beside it")
    cand.add_argument("--out", type=Path, default=None, help="OUT.xlsx or OUT.csv (default _build/candidates/)")
    cand.add_argument("--as-of", type=_year, default=None, help="the report's year, if the sidecar has no date_iso")
    cand.set_defaults(func=cmd_candidates)

    imp = sub.add_parser("import", help="import the accepted rows of a reviewed candidates file (.xlsx or .csv)")
    imp.add_argument("file", help="the reviewed file")
    imp.add_argument("--replace", action="store_true", help="an accepted row replaces the row with its obs_id")
    imp.add_argument("--check", action="store_true", help="validate and say what would be imported; write nothing")
    imp.set_defaults(func=cmd_import)

    ev = sub.add_parser("candidates-eval", help="measure the candidates against the curated report")
    ev.add_argument("--worst", type=int, default=5, help="confusions shown per field (default %(default)s)")
    ev.set_defaults(func=cmd_candidates_eval)

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

    light = sub.add_parser("lighthouse", help="Lighthouse scores and slow-link timings of chapters 00, 01 and 13")
    light.add_argument("--html-dir", type=Path, default=None, help="built site (default: ROOT/_build/html)")
    light.add_argument("--chromium", type=Path, default=Path("/usr/bin/chromium"), help="Chromium to drive")
    light.set_defaults(func=cmd_lighthouse)

    sub.add_parser("bench", help="measure clean, no-op and incremental builds against the alternatives").set_defaults(
        func=cmd_bench
    )

    docs = sub.add_parser("contract-docs", help="rewrite the tables of docs/data_contract.md from data/schema")
    docs.add_argument("--check", action="store_true", help="write nothing; exit 1 if the tables are out of date")
    docs.set_defaults(func=cmd_contract_docs)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\nDừng / interrupted: nothing was published.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader closed the pipe (``python -m chitieu diff … | head``): stop quietly, as Unix tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback (--debug shows it)
        if args.debug:
            raise
        print(
            f"Lỗi không lường trước / unexpected error in '{args.command}': {type(exc).__name__}: {exc}\n"
            f"Chạy lại với --debug để xem chi tiết / run again with --debug for the traceback. "
            f"{NOTHING_PUBLISHED if args.command == 'book' else ''}".rstrip(),
            file=sys.stderr,
        )
        return 1
