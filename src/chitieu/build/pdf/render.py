"""``make pdf``: executed chapters → pages (Sphinx) → one document → PDF (WeasyPrint) → checks → publish.

Everything is made in a staging folder beside the output; the PDF and its record are moved into
``_build/pdf`` only when every step succeeded, so a failure leaves the previously published edition as it
was. The chapters are never executed here: :mod:`.source` refuses a ``book/`` executed for another year.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from pathlib import Path

from chitieu.build.pdf.edition import PDF_DIR, PrintEdition, pdf_name
from chitieu.build.pdf.frontmatter import Identity, contents_html, cover_html, head_html
from chitieu.build.pdf.source import MissingInput, PdfError

STYLESHEET = Path(__file__).with_name("print.css")


def load_weasyprint():
    """The WeasyPrint module, or :class:`MissingInput` saying how to install what it needs."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise MissingInput(
            f"không dùng được WeasyPrint / WeasyPrint is unavailable ({first}): chạy / run `make pdf-tools` "
            "(installs Pango, the fonts and Poppler from Debian when run as root) and `make venv`"
        ) from None
    return weasyprint


def stylesheet_font(css: str, variable: str = "--sans") -> str:
    """The font stack a custom property of the stylesheet declares (the charts use the text's fonts)."""
    match = re.search(rf"{re.escape(variable)}\s*:\s*([^;]+);", css)
    if match is None:
        raise PdfError(f"{STYLESHEET.name} declares no {variable}")
    return match.group(1).strip()


def identity(root: Path, report_year: int) -> Identity:
    """The cover's facts: book (``_config.yml``, ``pyproject.toml``), report (its sidecar), commit (git)."""
    from chitieu import config
    from chitieu.build.exports import read_project
    from chitieu.build.site import commit_date, git_commit
    from chitieu.data.errors import DataValidationError
    from chitieu.data.raw import load_raw_sources

    errors: list = []
    sources = load_raw_sources(root / "data" / "raw", errors)
    if errors:
        raise PdfError(DataValidationError(errors).render())
    report = next((s.meta for s in sources if s.path.name == config.REPORT_FILE), None)
    if report is None:
        raise MissingInput(f"data/raw: no sidecar describes {config.REPORT_FILE}")
    project = read_project(root)
    return Identity(
        book_title=project.title,
        author=project.author,
        version=project.version,
        report_year=report_year,
        report_title=report.get("title", ""),
        issuing_body=report.get("issuing_body", ""),
        report_date=str(report.get("date_iso") or report.get("date", "")),
        git_commit=git_commit(root),
        commit_date=commit_date(root),
    )


def document_html(pages: Path, registry, who: Identity, css: str, draw) -> str:
    """The whole edition as one HTML document (cover, contents, chapters, appendix)."""
    from chitieu.build.pdf.assemble import appendix_html, chapter_section, dangling_links

    chapters, tables = [], []
    part = None
    for chapter in registry:
        page = pages / chapter.page
        if not page.is_file():
            raise PdfError(f"the site build wrote no page for {chapter.name}")
        section, found = chapter_section(
            page.read_text(encoding="utf-8"), chapter, registry, draw, first_of_part=chapter.part != part
        )
        part = chapter.part
        chapters.append(section)
        tables += found
    body = cover_html(who) + contents_html(registry, with_appendix=bool(tables)) + "".join(chapters)
    document = f'<!DOCTYPE html><html lang="vi">{head_html(who, css)}<body>{body}{appendix_html(tables)}</body></html>'
    dead = dangling_links(document)
    if dead:
        raise PdfError(f"liên kết không tới đâu / links to nothing in the edition ({len(dead)}): {', '.join(dead[:8])}")
    return document


def _timed(phases: dict[str, float], name: str, start: float) -> float:
    now = time.perf_counter()
    phases[name] = now - start
    return now


def build_pdf(root: Path, report_year: int, out_dir: Path | None = None, report=print) -> PrintEdition:
    """Make the print edition of ``report_year`` from ``root/book`` and publish it in ``out_dir``.

    ``out_dir`` defaults to ``root/_build/pdf``; the PDF is ``<book>-<year>.pdf`` with its record beside it.

    Raises
    ------
    MissingInput
        ``book/`` was executed for another year or lacks a chapter, or WeasyPrint cannot run here.
    PdfError
        The pages could not be built or assembled, or the PDF failed a check: nothing is published.
    """
    from chitieu.build.pdf.charts import chart_svg
    from chitieu.build.pdf.checks import pre_publish_problems
    from chitieu.build.pdf.source import build_pages, stage_book
    from chitieu.build.pipeline import BuildError, chapter_registry

    weasyprint = load_weasyprint()
    out_dir = out_dir or root / PDF_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    name = pdf_name(root, report_year)
    stage = out_dir.parent / f".pdf-stage-{os.getpid()}"
    phases: dict[str, float] = {}
    t0 = mark = time.perf_counter()
    try:
        registry = chapter_registry(root)
    except BuildError as exc:
        raise PdfError(str(exc)) from None
    try:
        report(f"[1/4] Các chương đã chạy / executed chapters of book/ (năm/year {report_year})", flush=True)
        if stage.exists():
            shutil.rmtree(stage)
        key = stage_book(root, stage, registry, report_year)
        who = identity(root, report_year)
        report(
            "[2/4] Dựng trang / building the pages (the site's Sphinx configuration, warnings are errors)", flush=True
        )
        pages = build_pages(stage)
        mark = _timed(phases, "trang/pages", mark)
        report("[3/4] Ghép sách, vẽ biểu đồ / assembling the document, drawing the charts (vl-convert)", flush=True)
        css = STYLESHEET.read_text(encoding="utf-8")
        font = stylesheet_font(css)
        document = document_html(pages, registry, who, css, lambda spec: chart_svg(spec, font))
        mark = _timed(phases, "ghép/assemble", mark)
        report("[4/4] In ra PDF / rendering the PDF (WeasyPrint)", flush=True)
        rendered = weasyprint.HTML(string=document, base_url=str(stage)).render()
        staged_pdf = stage / name
        rendered.write_pdf(staged_pdf, pdf_tags=True, pdf_identifier=key[:32].encode("ascii"), custom_metadata=False)
        mark = _timed(phases, "in/render", mark)
        problems = pre_publish_problems(staged_pdf, len(rendered.pages))
        if problems is None:
            report(
                "      (không có Poppler: chưa kiểm tra trước khi xuất bản / Poppler missing: not checked)", flush=True
            )
        elif problems:
            raise PdfError("bản in không đạt / the PDF failed its checks:\n  " + "\n  ".join(problems))
        data = staged_pdf.read_bytes()
        edition = PrintEdition(
            file=name,
            report_year=report_year,
            pages=len(rendered.pages),
            bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            chapters_key=key,
            git_commit=who.git_commit,
        )
        os.replace(staged_pdf, out_dir / name)
        edition.write_record(out_dir)
        _timed(phases, "xuất bản/publish", mark)
    finally:
        if stage.exists():
            shutil.rmtree(stage)
    breakdown = " · ".join(f"{phase} {seconds:.1f} s" for phase, seconds in phases.items())
    report(
        f"Xong / done in {time.perf_counter() - t0:.1f} s ({breakdown}): {out_dir / name} — "
        f"{edition.pages} trang/pages, {edition.bytes / 1_000_000:.1f} MB",
        flush=True,
    )
    return edition
