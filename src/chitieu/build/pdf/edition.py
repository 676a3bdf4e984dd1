"""The print edition's file, its record, and the site's link to it.

``python -m chitieu pdf`` publishes ``_build/pdf/<slug>-<year>.pdf``, the slug being the book's title
(``_config.yml``) written in ASCII, and beside it ``<slug>-<year>.json``: the year, page count, size, the
sha256 of the PDF and a key of the executed chapters (``book/*.ipynb``) it was made from.

The site build calls :func:`stage_print_edition` on its staged tree once the chapters are executed. When a
print edition exists for the same year **and the same executed chapters**, it is copied into the staged
site (it is published as ``data/<slug>-<year>.pdf``, beside the other downloads) and the introduction's
``{{ print_edition }}`` substitution becomes a sentence linking it; otherwise the substitution keeps its
empty default from ``_config.yml``, so the site never links a missing or outdated PDF. The staged config
and file are inputs of the site's key, so a new print edition makes the next ``make book`` rebuild the
pages (and only the pages: no chapter is executed again).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from chitieu.atomic import write_text_atomic

PDF_DIR = Path("_build") / "pdf"
SUBSTITUTION = "print_edition"
# Staged beside the pages; Sphinx copies it to the site root (html_extra_path), the downloads move it into data/.
STAGE_FOLDER = "_print_edition"
SITE_FOLDER = "data"


def slug(text: str) -> str:
    """ASCII file-name form of a Vietnamese title: ``"Chỉ tiêu Đông Hà"`` → ``"chi-tieu-dong-ha"``."""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)


def book_config(root: Path) -> dict:
    """The book's ``_config.yml``."""
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}


def pdf_name(root: Path, year: int) -> str:
    """File name of the print edition for ``year``, from the book's title."""
    return f"{slug(str(book_config(root).get('title', 'book')))}-{int(year)}.pdf"


def pdf_path(root: Path, year: int) -> Path:
    """Where ``python -m chitieu pdf`` publishes the print edition for ``year``."""
    return root / PDF_DIR / pdf_name(root, year)


def chapters_key(book_dir: Path, names: list[str]) -> str:
    """Key of the executed chapters ``book_dir/<name>.ipynb`` (names and bytes, in the given order)."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (book_dir / f"{name}.ipynb").read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class PrintEdition:
    """A published print edition, as its record (``<name>.json``) describes it."""

    file: str
    report_year: int
    pages: int
    bytes: int
    sha256: str
    chapters_key: str
    git_commit: str

    def record_path(self, folder: Path) -> Path:
        return folder / Path(self.file).with_suffix(".json").name

    def write_record(self, folder: Path) -> Path:
        path = self.record_path(folder)
        write_text_atomic(path, json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n")
        return path


def read_edition(pdf: Path) -> PrintEdition | None:
    """The record of ``pdf`` when both exist and the record describes these very bytes, else ``None``.

    A record left from an earlier PDF (the build was stopped between the two renames) does not match the
    file's sha256 and counts as no edition.
    """
    record = pdf.with_suffix(".json")
    if not (pdf.is_file() and record.is_file()):
        return None
    try:
        edition = PrintEdition(**json.loads(record.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None
    if edition.file != pdf.name or edition.sha256 != hashlib.sha256(pdf.read_bytes()).hexdigest():
        return None
    return edition


def link_sentence(edition: PrintEdition) -> str:
    """The introduction's sentence linking the print edition (inline HTML; the page is one level below the
    site root, like the other download links of the introduction)."""
    from chitieu.data.vnnum import format_vn

    megabytes = format_vn(edition.bytes / 1_000_000, 1)
    return (
        f" Bản in của cả cuốn sách (PDF, khổ A4, {format_vn(edition.pages)} trang, {megabytes} MB): "
        f'<a href="../{SITE_FOLDER}/{edition.file}">{edition.file}</a>.'
    )


def stage_print_edition(root: Path, stage: Path, report_year: int, names: list[str]) -> PrintEdition | None:
    """Put the print edition into the staged site when it matches the staged chapters; return it (or ``None``).

    ``names`` are the chapters in book order; ``stage/book/<name>.ipynb`` must be executed already. A PDF
    made from other chapters (older data, another year) is not linked, and the build says so.
    """
    pdf = pdf_path(root, report_year)
    edition = read_edition(pdf)
    if edition is None:
        return None
    if edition.report_year != report_year or edition.chapters_key != chapters_key(stage / "book", names):
        print(
            f"      bản in {pdf.name} được làm từ các chương khác, không liên kết; chạy `make pdf YEAR={report_year}` "
            f"/ the print edition was made from other executed chapters: not linked (run `make pdf`)",
            flush=True,
        )
        return None
    dest = stage / STAGE_FOLDER / pdf.name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(pdf, dest)
    config_path = stage / "_config.yml"
    conf = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    conf.setdefault("parse", {}).setdefault("myst_substitutions", {})[SUBSTITUTION] = link_sentence(edition)
    sphinx_config = conf.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["html_extra_path"] = [*sphinx_config.get("html_extra_path", []), STAGE_FOLDER]
    config_path.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return edition


def collect_site_editions(data_dir: Path) -> list[Path]:
    """Move the print edition Sphinx copied to the site root into the download folder ``data_dir``
    (``html/data``); return the print editions there.

    Staged as ``_print_edition/data/…`` it would be skipped: Sphinx does not copy extra folders named like an
    excluded source pattern, and ``data`` is one (``_config.yml``). So it is staged at the root and moved here.
    """
    for pdf in sorted(data_dir.parent.glob("*.pdf")):
        os.replace(pdf, data_dir / pdf.name)
    return sorted(p for p in data_dir.glob("*.pdf") if p.is_file())


def readme_section(editions: list[Path]) -> str:
    """Lines the downloads' README adds for the print editions (empty without one)."""
    if not editions:
        return ""
    lines = ["", "## Bản in / Print edition", ""]
    lines += [
        f"- `{p.name}`: cả cuốn sách trong một tệp PDF khổ A4, làm từ cùng các chương đã chạy như trang web; "
        "không nằm trong tệp zip. / The whole book as one A4 PDF, from the same executed chapters as the site; "
        "not in the zip."
        for p in editions
    ]
    return "\n".join(lines) + "\n"
