"""The site's pieces: the staged project, the commit stamp, Sphinx, the downloads and the provenance record.

:mod:`chitieu.build.pipeline` calls these in order on a staging folder (``_build/.stage-PID``); nothing here
touches the published ``book/`` or ``_build/html``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from chitieu.atomic import write_text_atomic
from chitieu.build.children import die_with_parent

SITE_FILES = ("_config.yml", "_toc.yml")
SITE_FOLDERS = ("_static", "_locales", "_templates")
RAW_EXPORT_DIR = "raw"
DATA_EXPORTS = ("indicators.csv", "targets.csv", "observations.csv", "report_assessment.csv", "localities.csv")


class SiteBuildError(Exception):
    """Sphinx (jupyter-book) refused the staged site; the message holds the end of its output."""


def stage_project(root: Path, stage: Path) -> None:
    """Copy what the site is built from into ``stage`` (the data are linked, not copied)."""
    if stage.exists():
        shutil.rmtree(stage)
    (stage / "book").mkdir(parents=True)
    for name in SITE_FILES:
        shutil.copy2(root / name, stage / name)
    for name in SITE_FOLDERS:
        shutil.copytree(root / name, stage / name)
    for page in (root / "book").glob("*.md"):
        shutil.copy2(page, stage / "book" / page.name)
    # Chapters read "../data" from book/: the staged tree sees the real data through a link.
    os.symlink(root / "data", stage / "data", target_is_directory=True)


def git_commit(root: Path) -> str:
    """The checkout's commit, ``+dirty`` when a tracked input differs from it, or ``"unknown"`` outside git.

    ``book/`` is left out: it is what the build writes (after ``make book YEAR=2022`` it differs from the
    committed 2023 run, and that does not make the inputs of the next build dirty).
    """
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)book"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def commit_date(root: Path) -> str:
    """ISO date of the checked-out commit (``"unknown"`` outside git): fixed for a given commit."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%cI"], cwd=root, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def stamp_config(stage: Path, commit: str) -> None:
    """Stamp the staged site (never the notebooks: they must stay identical) with who made what.

    Every page's footer says the report's identity (title, issuing body, year: its sidecar), that every
    figure is computed from the data, the book's build date (the commit's date, never the clock) and the
    commit. The introduction shows the same through the MyST substitutions ``build_date`` and
    ``build_version``.
    """
    import html

    import yaml

    from chitieu.build.identity import read_sources, report_identity, vn_date

    path = stage / "_config.yml"
    conf = yaml.safe_load(path.read_text(encoding="utf-8"))
    footer = conf.setdefault("html", {}).get("extra_footer", "")
    version = "chưa rõ" if commit == "unknown" else f"{commit[:12]}{'+' if commit.endswith('+dirty') else ''}"
    built = vn_date(commit_date(stage))
    # The footer is HTML (the theme writes it as is): the sidecar's text is escaped.
    identity = html.escape(report_identity(read_sources(stage / "data")))
    conf["html"]["extra_footer"] = (
        f"Số liệu trích từ {identity}. {footer} Sách dựng ngày {built}, phiên bản mã và dữ liệu (git): {version}."
    )
    substitutions = conf.setdefault("parse", {}).setdefault("myst_substitutions", {})
    substitutions.update(build_date=built, build_version=version)
    path.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")


def readable_tail(output: str, lines: int = 40) -> str:
    """The last ``lines`` lines of a tool's output without the frames of its tracebacks (``Traceback …``, the
    indented ``File …`` lines and their code): what went wrong, in the tool's own words, not where in its code.
    """
    kept = [line for line in output.strip().splitlines() if line.strip() and not line.startswith((" ", "\t"))]
    kept = [line for line in kept if not line.startswith("Traceback (most recent call last)")]
    return "\n".join(kept[-lines:])


def run_jupyter_book(stage: Path) -> Path:
    """Build ``stage`` with jupyter-book (execution off, warnings are errors); return the HTML folder.

    Sphinx's ``.buildinfo`` (a hash of the configuration, paths included) is removed: it serves incremental
    Sphinx builds, which this build never does, and it would make the site depend on where the checkout lives.
    """
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(stage), "--warningiserror", "--keep-going", "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=die_with_parent)
    if proc.returncode != 0:
        raise SiteBuildError(
            f"jupyter-book build failed (warnings are errors):\n{readable_tail(proc.stdout + proc.stderr)}"
        )
    html = stage / "_build" / "html"
    (html / ".buildinfo").unlink(missing_ok=True)
    return html


def publish_raw_sources(raw_dir: Path, dest: Path) -> list[str]:
    """Copy each raw source and its sidecar, unchanged, into ``dest`` (``html/data/raw``): the report is
    republished as it is, credited to its issuing body. Only the sources validation accepts (files of
    ``data/raw`` itself, sha256 checked) are copied; returns their names."""
    import json

    from chitieu.data.errors import DataValidationError
    from chitieu.data.raw import load_raw_sources

    errors: list = []
    accepted = {source.path.name for source in load_raw_sources(raw_dir, errors)}
    if errors:
        raise DataValidationError(errors)
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for sidecar in sorted(raw_dir.glob("*.meta.json")):
        name = json.loads(sidecar.read_text(encoding="utf-8")).get("file")
        if name in accepted:
            shutil.copy2(raw_dir / name, dest / name)
            shutil.copy2(sidecar, dest / sidecar.name)
            copied += [name, sidecar.name]
    return copied


def export_data(root: Path, stage: Path, html: Path, audit_csv: str) -> None:
    """``html/data``: the dataset's CSVs, the audit's results, the raw report and its sidecar (``raw/``), each
    chapter's CSV, then the data dictionary, the
    data package, the README (source, licence, how to cite) and a reproducible zip of it all
    (:mod:`chitieu.build.exports`)."""
    from chitieu.build.csvout import world_readable
    from chitieu.build.exports import write_exports

    dest = html / "data"
    dest.mkdir(parents=True, exist_ok=True)
    for name in DATA_EXPORTS:
        if (root / "data" / name).is_file():
            shutil.copy2(root / "data" / name, dest / name)
    write_text_atomic(dest / "audit.csv", audit_csv)
    publish_raw_sources(root / "data" / "raw", dest / RAW_EXPORT_DIR)
    chapters = stage / "exports" / "chapters"
    if chapters.is_dir():
        shutil.copytree(chapters, dest / "chapters")
    write_exports(root, dest)
    # copy2 keeps a source file's mode (0600 for a private checkout): a web server must read every file.
    world_readable(html)


def write_provenance(root: Path, html: Path, report_year: int, commit: str) -> None:
    """``data/provenance.json`` of the site: the commit (and its date) the site was built from, and its inputs.

    No wall-clock time is written, so two builds of the same inputs give byte-identical exports.
    """
    import platform

    from chitieu.book.methods import input_checksums

    record = {
        "git_commit": commit,
        "git_commit_date": commit_date(root),
        "report_year": report_year,
        "python": platform.python_version(),
        "inputs": input_checksums(root / "data").to_dict(orient="records"),
    }
    write_text_atomic(html / "data" / "provenance.json", json.dumps(record, ensure_ascii=False, indent=1) + "\n")
