"""``make book``: validate → execute chapters → build the site in a temporary folder → publish atomically.

Nothing under ``book/`` or ``_build/html`` changes unless every step succeeded: a bad data file, a failing
chapter or a Sphinx warning leaves the previously published site and notebooks exactly as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from chitieu import config
from chitieu.analysis import audit
from chitieu.analysis.years import check_report_year
from chitieu.atomic import write_text_atomic
from chitieu.book.context import save_validated, write_build_context
from chitieu.book.registry import Registry, RegistryError, load_registry
from chitieu.build.cache import ChapterCache, chapter_key
from chitieu.build.execute import KERNEL_NAME as STANDARD_KERNEL
from chitieu.build.execute import execute_all
from chitieu.build.forkkernel import fork_server, use_fork_server
from chitieu.build.vega import start_vega_bundle
from chitieu.data.fingerprint import data_fingerprint, tree_fingerprint
from chitieu.data.load import load_dataset
from chitieu.data.schema import CHAPTERS as TOPICS

SITE_FILES = ("_config.yml", "_toc.yml")
DATA_EXPORTS = ("indicators.csv", "targets.csv", "observations.csv", "report_assessment.csv")


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


def _stage(root: Path, stage: Path) -> None:
    if stage.exists():
        shutil.rmtree(stage)
    (stage / "book").mkdir(parents=True)
    for name in SITE_FILES:
        shutil.copy2(root / name, stage / name)
    shutil.copytree(root / "_static", stage / "_static")
    for page in (root / "book").glob("*.md"):
        shutil.copy2(page, stage / "book" / page.name)
    # Chapters read "../data" from book/: the staged tree sees the real data through a link.
    os.symlink(root / "data", stage / "data", target_is_directory=True)


def _git_commit(root: Path) -> str:
    """The checkout's commit (``+dirty`` when the tree has changes), or ``"unknown"`` outside git."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def _stamp_config(stage: Path, commit: str) -> None:
    """Add the commit to the footer of the staged site (never to the notebooks: they must stay identical)."""
    import yaml

    path = stage / "_config.yml"
    conf = yaml.safe_load(path.read_text(encoding="utf-8"))
    footer = conf.setdefault("html", {}).get("extra_footer", "")
    conf["html"]["extra_footer"] = (
        f"{footer} Phiên bản mã và dữ liệu (git): {commit[:12]}{'+' if commit.endswith('+dirty') else ''}."
    )
    path.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _commit_date(root: Path) -> str:
    """ISO date of the checked-out commit (``"unknown"`` outside git): fixed for a given commit."""
    try:
        return (
            subprocess.run(
                ["git", "log", "-1", "--format=%cI"], cwd=root, capture_output=True, text=True, check=True
            ).stdout.strip()
            or "unknown"
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _write_provenance(root: Path, html: Path, report_year: int, commit: str) -> None:
    """``data/provenance.json`` of the site: the commit (and its date) the site was built from, and its inputs.

    No wall-clock time is written, so two builds of the same inputs give byte-identical exports.
    """
    import platform

    from chitieu.atomic import write_text_atomic
    from chitieu.book.methods import input_checksums

    record = {
        "git_commit": commit,
        "git_commit_date": _commit_date(root),
        "report_year": report_year,
        "python": platform.python_version(),
        "inputs": input_checksums(root / "data").to_dict(orient="records"),
    }
    write_text_atomic(html / "data" / "provenance.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n")


def _jupyter_book(stage: Path) -> None:
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(stage), "--warningiserror", "--keep-going", "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-40:])
        raise BuildError(f"jupyter-book build failed (warnings are errors):\n{tail}")


def _export_data(root: Path, stage: Path, html: Path) -> None:
    """``html/data``: the dataset's CSVs (and ``audit.csv`` when present), each chapter's CSV, then the data
    dictionary, the README (source, licence, how to cite) and a reproducible zip of it all
    (:mod:`chitieu.build.exports`)."""
    from chitieu.build.exports import write_exports

    dest = html / "data"
    dest.mkdir(parents=True, exist_ok=True)
    for name in DATA_EXPORTS:
        shutil.copy2(root / "data" / name, dest / name)
    if (root / "data" / "audit.csv").is_file():
        shutil.copy2(root / "data" / "audit.csv", dest / "audit.csv")
    chapters = stage / "exports" / "chapters"
    if chapters.is_dir():
        shutil.copytree(chapters, dest / "chapters")
    write_exports(root, dest)


def _publish(root: Path, stage: Path, notebooks: list[str]) -> None:
    book = root / "book"
    book.mkdir(exist_ok=True)
    produced = set(notebooks)
    for name in sorted(produced):
        os.replace(stage / "book" / name, book / name)
    for stale in book.glob("*.ipynb"):
        if stale.name not in produced:
            stale.unlink()
    html = root / "_build" / "html"
    old = root / "_build" / f".html-old-{os.getpid()}"
    if html.exists():
        os.replace(html, old)
    os.replace(stage / "_build" / "html", html)
    if old.exists():
        shutil.rmtree(old)


def _site_fingerprint(stage: Path) -> str:
    """Hash of everything the site is built from (executed chapters, pages, config, static files, exports)."""
    return _sha_files(
        [
            p
            for p in sorted(stage.rglob("*"))
            if p.is_file()
            and "_build" not in p.relative_to(stage).parts
            and p.relative_to(stage).parts[0] not in ("data", "context")
        ],
        stage,
    )


def _sha_files(files: list[Path], base: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _plan_chapters(root: Path, ds, registry: Registry, parameters: dict) -> dict[str, str]:
    """Content key of each chapter: its source, the code it runs, the environment, the parameters, its data."""
    # The engine and the report-specific modules the chapters import (notebooks/huongtra).
    package_fp = tree_fingerprint(root / "src", "**/*.py") + tree_fingerprint(root / "notebooks", "**/*.py")
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
    """Run the whole pipeline for ``report_year`` and publish ``_build/html``; return its path.

    Chapters whose inputs did not change (content hashes, :mod:`chitieu.build.cache`) are reused from
    ``.cache/build`` instead of executed; when nothing changed at all, the published site is kept as is.
    ``warm_kernels`` forks chapter kernels from a warm process where the platform allows
    (:mod:`chitieu.build.forkkernel`); ``False`` starts standard kernels (slower, same notebooks).

    Raises
    ------
    DataValidationError
        Bad data: nothing is executed or written.
    YearDataError
        No key figure for ``report_year``: nothing is executed or written.
    BuildError
        A chapter or the site build failed: nothing is published.
    """
    root = root or config.PROJ_ROOT
    t0 = time.perf_counter()
    with ExitStack() as running:
        # The warm kernel server imports on the other core while this one validates.
        server = (
            running.enter_context(fork_server(chapter_sources(root))) if warm_kernels and use_fork_server() else None
        )
        return _build(report_year, root, workers, use_cache, server, t0)


def _kernel_for_chapters(server) -> str:
    """The kernel to run chapters on: the fork server's when it came up, else the standard one."""
    if server is None:
        return STANDARD_KERNEL
    if server.wait_ready():
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            filter(None, [server.jupyter_path, os.environ.get("JUPYTER_PATH")])
        )
        return server.kernel_name
    print(
        "      (máy chủ kernel không khởi động được; dùng kernel python3 thường / fork server failed: standard "
        "kernels)",
        flush=True,
    )
    return STANDARD_KERNEL


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
            "có số "
            f"liệu năm {report_year} (sách ghi 'chưa có số liệu') / key indicators without a {report_year} figure:\n"
            + coverage.describe_missing(),
            flush=True,
        )
    registry = chapter_registry(root)
    if not len(registry):
        raise BuildError("no chapters in _toc.yml")
    parameters = {"report_year": report_year, "data_dir": "../data"}
    plan = _plan_chapters(root, ds, registry, parameters)
    cache = ChapterCache(root)
    stage = root / "_build" / f".stage-{os.getpid()}"
    bundle = None
    try:
        _stage(root, stage)
        commit = _git_commit(root)
        _stamp_config(stage, commit)
        bundle = start_vega_bundle(stage / "_static", root / ".cache" / "vendor")
        exports = stage / "exports" / "chapters"
        context_dir = stage / "context"
        save_validated(ds, context_dir / "validated.pkl")
        results = audit.evaluate_all(ds, checks)
        flags = context_dir / "audit_flags.json"
        write_text_atomic(flags, json.dumps(audit.failed_obs_ids(results), sort_keys=True))
        phase("kiểm tra/validate")
        print(f"[2/4] Chạy {len(registry)} chương / chapters (report_year={report_year})", flush=True)
        todo = []
        for chapter in registry:
            if use_cache and cache.fetch(
                chapter.name, plan[chapter.name], stage / "book" / f"{chapter.name}.ipynb", exports
            ):
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
        saved_jupyter_path = os.environ.get("JUPYTER_PATH")
        try:
            kernel = _kernel_for_chapters(server) if todo else STANDARD_KERNEL
            runs = execute_all([c.source for c in todo], stage / "book", parameters, workers, contexts, kernel)
        finally:
            if saved_jupyter_path is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = saved_jupyter_path
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
        phase("chương/chapters")
        try:
            bundle.wait()
        except RuntimeError as exc:
            raise BuildError(str(exc)) from exc
        site_key = _site_fingerprint(stage)
        published_key = root / ".cache" / "build" / "site.key"
        html = root / "_build" / "html"
        unchanged = (
            use_cache
            and html.is_dir()
            and published_key.is_file()
            and published_key.read_text() == site_key
            and all(
                (root / "book" / f"{c.name}.ipynb").is_file()
                and (root / "book" / f"{c.name}.ipynb").read_bytes()
                == (stage / "book" / f"{c.name}.ipynb").read_bytes()
                for c in registry
            )
        )
        if unchanged:
            print("[3/4] Trang không đổi / site inputs unchanged: the published site is kept", flush=True)
        else:
            print("[3/4] Dựng trang / building the site (jupyter-book, warnings are errors)", flush=True)
            _jupyter_book(stage)
            phase("trang/site")
            _export_data(root, stage, stage / "_build" / "html")
            _write_provenance(root, stage / "_build" / "html", report_year, commit)
            audit.write_audit_csv(results, stage / "_build" / "html" / "data" / "audit.csv")
            print("[4/4] Xuất bản / publishing book/ and _build/html", flush=True)
            _publish(root, stage, [f"{c.name}.ipynb" for c in registry])
            published_key.parent.mkdir(parents=True, exist_ok=True)
            published_key.write_text(site_key)
    finally:
        if bundle is not None:
            bundle.cancel()
        if stage.exists():
            shutil.rmtree(stage)
    phase("xuất bản/publish")
    breakdown = " · ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
    print(
        f"Xong / done in {time.perf_counter() - t0:.1f} s ({breakdown}): {root / '_build' / 'html' / 'index.html'}",
        flush=True,
    )
    return root / "_build" / "html"
