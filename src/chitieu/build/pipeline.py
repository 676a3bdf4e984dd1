"""``make book``: validate → execute chapters → build the site in a stage → publish in one atomic step.

Nothing under ``book/`` or ``_build/html`` changes unless every step succeeded: a bad data file, a failing
chapter, a Sphinx warning or a full disk leaves the previously published site and notebooks exactly as they
were. One build runs at a time per project folder (:mod:`chitieu.build.lock`); the executed chapters and the
site are published together by one exchange of folders (:mod:`chitieu.build.publish`), and a published state
is kept on a no-op only when every published file is what its manifest says.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from contextlib import ExitStack
from pathlib import Path

from chitieu import config
from chitieu.analysis import audit
from chitieu.analysis.years import check_report_year
from chitieu.atomic import write_text_atomic
from chitieu.book.context import save_validated, write_build_context
from chitieu.book.registry import Registry, RegistryError, load_registry
from chitieu.build import site
from chitieu.build.cache import ChapterCache, chapter_key
from chitieu.build.execute import execute_all
from chitieu.build.lock import build_lock
from chitieu.build.pdf.edition import stage_print_edition
from chitieu.build.publish import SITE_DIR, STAGE_PREFIX, publish, published_key, remove_leftovers, write_manifest
from chitieu.build.warmserver import warm_kernel_server, warm_kernels_unavailable
from chitieu.data.contract import TOPICS
from chitieu.data.fingerprint import data_fingerprint, sha_parts, tree_fingerprint
from chitieu.data.load import load_dataset


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""


def chapter_registry(root: Path) -> Registry:
    """The book's chapters (:mod:`chitieu.book.registry`), checked against the contract's topics."""
    try:
        registry = load_registry(root)
        registry.check_topics(set(TOPICS))
    except RegistryError as exc:
        raise BuildError(f"chapters: {exc}") from None
    return registry


def chapter_sources(root: Path) -> list[Path]:
    """The chapters' source files (``notebooks/NN_name.md``), in book order."""
    return [chapter.source for chapter in chapter_registry(root)]


def _jupyter_book(stage: Path) -> Path:
    try:
        return site.run_jupyter_book(stage)
    except site.SiteBuildError as exc:
        raise BuildError(str(exc)) from None


def site_key(root: Path, stage: Path, report_year: int) -> str:
    """Hash of every input of the published site and downloads.

    The staged sources (executed chapters, pages, configuration with the commit stamp, static files), all
    the package code that writes pages or downloads (``src``, templates included), the data files the
    downloads copy, and the year. What is not hashed cannot change the published files.
    """
    staged = sorted(
        p
        for p in stage.rglob("*")
        if p.is_file() and p.relative_to(stage).parts[0] not in ("data", "context", "_build")
    )
    parts = [x for p in staged for x in (p.relative_to(stage).as_posix().encode(), p.read_bytes())]
    code = tree_fingerprint(root / "src", "chitieu/**/*")
    data = tree_fingerprint(root / "data", "**/*.csv") + tree_fingerprint(root / "data", "**/*.yaml")
    raw = tree_fingerprint(root / "data" / "raw", "*")
    return sha_parts([*parts, code.encode(), data.encode(), raw.encode(), str(report_year).encode()])


def _registry_fingerprint(registry: Registry) -> str:
    """Hash of what every chapter may read of the others: names, titles, parts, numbers, scopes, topics, roles."""
    entries = [(c.name, c.title, c.part, c.number, c.scope, c.topic, c.role) for c in registry]
    return sha_parts([json.dumps(entries, ensure_ascii=False).encode()])


def _plan_chapters(root: Path, ds, registry: Registry, parameters: dict) -> dict[str, str]:
    """Content key of each chapter: its source, the code it runs, the environment, the parameters, its data."""
    # The engine with every file it ships (the audit's templates, the font the charts are measured with) and
    # the report-specific modules the chapters import (notebooks/huongtra).
    package_fp = tree_fingerprint(root / "src", "chitieu/**/*") + tree_fingerprint(root / "notebooks", "**/*.py")
    # The registry gives every chapter its links to others.
    package_fp += _registry_fingerprint(registry)
    # The data contract (data/schema) is read like code: its labels reach every chapter's text.
    package_fp += tree_fingerprint(root / "data", "schema/*.yaml") + tree_fingerprint(root / "data", "*.yaml")
    env_fp = tree_fingerprint(root, "requirements.lock")
    data_fps: dict[str, str] = {}
    plan = {}
    for chapter in registry:
        scope_key = chapter.scope if isinstance(chapter.scope, str) else ",".join(chapter.scope)
        if scope_key not in data_fps:
            data_fps[scope_key] = data_fingerprint(root / "data", ds, chapter.scope)
        plan[chapter.name] = chapter_key(chapter.source, parameters, package_fp, env_fp, data_fps[scope_key])
    return plan


def build_book(
    report_year: int,
    root: Path | None = None,
    workers: int | None = None,
    use_cache: bool = True,
    warm_kernels: bool = True,
) -> Path:
    """Run the whole pipeline for ``report_year`` and publish ``book/`` and ``_build/html``; return the latter.

    Chapters whose inputs did not change (content hashes, :mod:`chitieu.build.cache`) are reused from
    ``.cache/build`` instead of executed; when nothing changed at all and the published files are intact,
    the published state is kept as is. ``warm_kernels`` forks chapter kernels from a warm process where the
    platform allows (:mod:`chitieu.build.warmkernel`); ``False`` starts standard kernels (slower, same
    notebooks). A second build of the same folder waits for the first.

    Raises
    ------
    DataValidationError
        Bad data: nothing is executed or written.
    YearDataError
        No key figure for ``report_year``: nothing is executed or written.
    BuildError
        A chapter or the site build failed: nothing is published.
    OSError
        The disk is full or read-only: nothing is published.
    """
    root = Path(root or config.PROJ_ROOT)
    t0 = time.perf_counter()
    with build_lock(root, report_year), ExitStack() as running:
        removed = remove_leftovers(root)
        if removed:
            print(f"      dọn phần thừa của lần dựng bị ngắt / removed what killed builds left: {removed}", flush=True)
        # The warm kernel server imports on the other core while this one validates.
        server = None
        unavailable = warm_kernels_unavailable() if warm_kernels else None
        if warm_kernels and unavailable is None:
            server = running.enter_context(warm_kernel_server(chapter_sources(root)))
        elif unavailable:
            print(f"      ({unavailable}; dùng kernel python3 thường / standard kernels)", flush=True)
        return _build(report_year, root, workers, use_cache, server, t0)


def _kernel_for_chapters(server) -> str | None:
    """The warm kernel server's socket when it came up, else ``None`` (standard kernels)."""
    if server is None:
        return None
    if server.wait_ready():
        return server.socket_path
    print(
        "      (máy chủ kernel không khởi động được; dùng kernel python3 thường / warm kernel server failed: "
        "standard kernels)",
        flush=True,
    )
    return None


def _build(report_year: int, root: Path, workers: int | None, use_cache: bool, server, t0: float) -> Path:
    phases: dict[str, float] = {}
    mark = [t0]

    def phase(name: str) -> None:
        now = time.perf_counter()
        phases[name] = phases.get(name, 0.0) + now - mark[0]
        mark[0] = now

    print(f"[1/4] Kiểm tra dữ liệu / validating data ({root / 'data'})", flush=True)
    ds = load_dataset(root / "data")
    checks = audit.load_checks(ds)
    audit.load_corrections(ds, checks)
    coverage = check_report_year(ds, report_year)
    if coverage.missing:
        print(
            f"      {len(coverage.missing)}/{len(coverage.missing) + len(coverage.present)} chỉ tiêu chủ yếu chưa "
            f"có số liệu năm {report_year} (sách ghi 'chưa có số liệu') / key indicators without a {report_year} "
            "figure:\n" + coverage.describe_missing(),
            flush=True,
        )
    registry = chapter_registry(root)
    if not len(registry):
        raise BuildError("no chapters in _toc.yml")
    parameters = {"report_year": report_year, "data_dir": "../data"}
    plan = _plan_chapters(root, ds, registry, parameters)
    cache = ChapterCache(root)
    stage = root / "_build" / f"{STAGE_PREFIX}{os.getpid()}"
    try:
        site.stage_project(root, stage)
        commit = site.git_commit(root)
        site.stamp_config(stage, commit)
        exports = stage / "exports" / "chapters"
        context_dir = stage / "context"
        save_validated(ds, context_dir / "validated.pkl")
        results = audit.evaluate_all(ds, checks)
        flags = context_dir / "audit_flags.json"
        write_text_atomic(flags, json.dumps(audit.failed_obs_ids(results), sort_keys=True))
        phase("kiểm tra/validate")
        _run_chapters(registry, plan, cache, stage, exports, context_dir, flags, parameters, workers, server)
        phase("chương/chapters")
        stage_print_edition(root, stage, report_year, [c.name for c in registry])
        key = site_key(root, stage, report_year)
        if use_cache and published_key(root) == key:
            print("[3/4] Trang không đổi / site inputs unchanged: the published site is kept", flush=True)
        else:
            print("[3/4] Dựng trang / building the site (jupyter-book, warnings are errors)", flush=True)
            html = _jupyter_book(stage)
            phase("trang/site")
            site.export_data(root, stage, html, audit.audit_csv_text(results))
            site.write_provenance(root, html, report_year, commit)
            print("[4/4] Xuất bản / publishing book/ and _build/html", flush=True)
            staged_book = stage / "publish"
            staged_book.mkdir()
            for chapter in registry:
                name = f"{chapter.name}.ipynb"
                os.replace(stage / "book" / name, staged_book / name)
            for page in (root / "book").glob("*.md"):
                shutil.copy2(page, staged_book / page.name)
            os.replace(html, staged_book / SITE_DIR)
            write_manifest(staged_book, key, report_year)
            publish(root, staged_book)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
    phase("xuất bản/publish")
    breakdown = " · ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
    print(
        f"Xong / done in {time.perf_counter() - t0:.1f} s ({breakdown}): {root / '_build' / 'html' / 'index.html'}",
        flush=True,
    )
    return root / "_build" / "html"


def _run_chapters(registry, plan, cache, stage, exports, context_dir, flags, parameters, workers, server) -> list:
    """Reuse every chapter the cache holds for its key and execute the others; return the runs executed."""
    print(f"[2/4] Chạy {len(registry)} chương / chapters (report_year={parameters['report_year']})", flush=True)
    todo = []
    for chapter in registry:
        notebook = stage / "book" / f"{chapter.name}.ipynb"
        if cache.fetch(chapter.name, plan[chapter.name], notebook, exports):
            print(f"  {chapter.name:<40} {'reused':<9} {0.0:6.1f} s", flush=True)
        else:
            todo.append(chapter)
    contexts = {
        c.name: Path("..")
        / "context"
        / write_build_context(
            context_dir, c.name, c.scope, context_dir / "validated.pkl", flags, exports / f"{c.name}.csv"
        ).name
        for c in todo
    }
    try:
        kernel_server = _kernel_for_chapters(server) if todo else None
        runs = execute_all([c.source for c in todo], stage / "book", parameters, workers, contexts, kernel_server)
    finally:
        if server is not None:
            server.close()
    failures = [run.error for run in runs if run.error]
    if failures:
        raise BuildError("chapter execution failed:\n  " + "\n  ".join(failures))
    for run in runs:
        cache.store(run.name, plan[run.name], stage / "book" / f"{run.name}.ipynb", exports)
    print(
        f"      {len(runs)} executed, {len(registry) - len(runs)} reused, "
        f"{sum(r.seconds for r in runs):.1f} s of kernel time",
        flush=True,
    )
    return runs
