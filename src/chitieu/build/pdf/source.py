"""What the print edition is made from: the executed chapters of ``book/``, built into HTML pages by the site's
own configuration (``_config.yml``, ``_toc.yml``, ``_static``) in a staging folder.

The chapters are not executed again: the PDF shows exactly what the committed notebooks (and so the site)
show. Sphinx resolves what a notebook alone does not hold (glue in the prose, cross-references, section
numbers), so the pages it writes are the input, read one chapter at a time by :mod:`.assemble`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from chitieu.book.registry import Registry


class PdfError(Exception):
    """The print edition cannot be made; the message says why and what to run (Vietnamese / English)."""


class MissingInput(PdfError):
    """An input or a tool is missing (exit code 2 of the command line)."""


def executed_years(book_dir: Path, names: list[str]) -> dict[str, int | None]:
    """``report_year`` each executed chapter was run for (``metadata.chitieu.parameters``), by chapter.

    Raises
    ------
    MissingInput
        A chapter of the registry has no executed notebook in ``book_dir``.
    """
    years: dict[str, int | None] = {}
    missing = [name for name in names if not (book_dir / f"{name}.ipynb").is_file()]
    if missing:
        raise MissingInput(
            f"chưa có các chương đã chạy / executed chapters missing: {', '.join(f'book/{m}.ipynb' for m in missing)}; "
            "chạy / run `make book` first"
        )
    for name in names:
        meta = json.loads((book_dir / f"{name}.ipynb").read_text(encoding="utf-8")).get("metadata", {})
        years[name] = (meta.get("chitieu") or {}).get("parameters", {}).get("report_year")
    return years


def check_year(years: dict[str, int | None], report_year: int) -> None:
    """Refuse chapters executed for another year than ``report_year`` (or for several years).

    Raises
    ------
    MissingInput
        Naming the year(s) ``book/`` holds and the command that makes the asked one.
    """
    found = sorted({y for y in years.values() if y is not None})
    unknown = sorted(name for name, y in years.items() if y is None)
    if found == [report_year] and not unknown:
        return
    held = ", ".join(map(str, found)) or "?"
    detail = f" (chưa rõ năm / no recorded year: {', '.join(unknown)})" if unknown else ""
    raise MissingInput(
        f"book/ đang chứa các chương chạy cho năm {held}, không phải {report_year}{detail}: chạy "
        f"`make book YEAR={report_year}` trước (hoặc `make pdf YEAR={found[0] if len(found) == 1 else '…'}`) / "
        f"book/ holds chapters executed for {held}, not {report_year}: run `make book YEAR={report_year}` first; "
        "the print edition never mixes years."
    )


def stage_book(root: Path, stage: Path, registry: Registry, report_year: int) -> str:
    """Copy the site's inputs and the executed chapters into ``stage``; return the chapters' key.

    The copy is taken under the build lock (:mod:`chitieu.build.lock`), so a ``make book`` publishing at the
    same moment cannot hand over chapters of two builds.
    """
    from chitieu.build.lock import build_lock
    from chitieu.build.pdf.edition import chapters_key
    from chitieu.build.site import stage_project

    names = [chapter.name for chapter in registry]
    with build_lock(root, report_year):
        check_year(executed_years(root / "book", names), report_year)
        stage_project(root, stage)
        for name in names:
            shutil.copy2(root / "book" / f"{name}.ipynb", stage / "book" / f"{name}.ipynb")
    return chapters_key(stage / "book", names)


def build_pages(stage: Path) -> Path:
    """Build the staged book with the site's builder (warnings are errors); return the chapter pages' folder.

    Raises
    ------
    PdfError
        The site build failed (its last lines are in the message).
    """
    from chitieu.build.site import SiteBuildError, run_jupyter_book

    try:
        html = run_jupyter_book(stage)
    except SiteBuildError as exc:
        raise PdfError(str(exc)) from None
    return html / "book"
