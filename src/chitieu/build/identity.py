"""Who made what: the report the book reads (its sidecar ``data/raw/*.meta.json``) and the book itself.

One place for the identity that the downloads' README, the workbooks, the footer of every page and the
introduction state: the report's title, issuing body and date, and the book's build date, which is the date
of the commit it was built from (never the clock: two builds of one commit are byte-identical).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml

from chitieu.data import contract

UNKNOWN_DATE = "chưa rõ"


@dataclass(frozen=True)
class Source:
    """A raw source as its sidecar ``*.meta.json`` describes it."""

    file: str
    title: str
    title_en: str
    issuing_body: str
    date: str
    sha256: str


def read_sources(data_dir: Path) -> list[Source]:
    """The raw sources' sidecars (``sources_from`` of ``data/datapackage.yaml``: ``raw/*.meta.json``), by name."""
    out = []
    for meta in sorted(data_dir.glob(contract.load().descriptor["sources_from"])):
        info = json.loads(meta.read_text(encoding="utf-8"))
        out.append(
            Source(
                info.get("file", meta.name.removesuffix(".meta.json")),
                info.get("title", ""),
                info.get("title_en", ""),
                info.get("issuing_body", ""),
                info.get("date", ""),
                info.get("sha256", ""),
            )
        )
    return out


@dataclass(frozen=True)
class Project:
    """What the README says about the project: from ``_config.yml`` and ``pyproject.toml``."""

    title: str
    author: str
    year: str
    version: str
    licence: str


def read_project(root: Path) -> Project:
    """Title, author and year of the book (``_config.yml``); version and licence (``pyproject.toml``)."""
    book = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    licence = meta.get("license", "")
    if isinstance(licence, dict):
        licence = licence.get("text", "")
    return Project(
        str(book.get("title", "")),
        str(book.get("author", "")),
        str(book.get("copyright", "")),
        str(meta.get("version", "")),
        str(licence),
    )


def report_year_of(source: Source) -> str:
    """The year the report was issued, from its sidecar's ``date`` (``"2023 (mid-year; …)"`` → ``"2023"``)."""
    digits = source.date.strip()[:4]
    return digits if digits.isdigit() else source.date


def report_identity(sources: list[Source]) -> str:
    """The report(s) in one Vietnamese sentence part: title, issuing body, year."""
    return "; ".join(f"{s.title} — {s.issuing_body}, năm {report_year_of(s)}" for s in sources)


def vn_date(iso: str) -> str:
    """An ISO date or date-time (``2026-12-01T20:15:00+00:00``) as ``01/12/2026``; :data:`UNKNOWN_DATE`
    when it is not one (outside git)."""
    day = iso[:10]
    if len(day) == 10 and day[4] == "-" and day[7] == "-" and day.replace("-", "").isdigit():
        return f"{day[8:10]}/{day[5:7]}/{day[0:4]}"
    return UNKNOWN_DATE
