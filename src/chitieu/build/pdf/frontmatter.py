"""The print edition's own pages and metadata: cover, contents, and the document head WeasyPrint turns into
the PDF's metadata (title, author, subject, language, dates).

Everything shown comes from the project's records: the book's title and author (``_config.yml``), its
version (``pyproject.toml``), the report's identity (its sidecar in ``data/raw``), the chapters and parts
(the registry), the commit and its date (git, as the site's footer). No wall-clock time is used: the same
commit gives the same cover.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from chitieu.book.registry import Registry

APPENDIX_ID = "phu-luc"
APPENDIX_TITLE = "Phụ lục. Bảng số liệu của các biểu đồ"
CONTENTS_ID = "muc-luc"


@dataclass(frozen=True)
class Identity:
    """Who and what the edition is: the book, the report it audits, the version it was built from."""

    book_title: str
    author: str
    version: str
    report_year: int
    report_title: str
    issuing_body: str
    report_date: str
    git_commit: str
    commit_date: str  # ISO 8601, or "unknown"


def vietnamese_date(iso: str) -> str:
    """``"2026-11-30T10:00:00+07:00"`` → ``"ngày 30 tháng 11 năm 2026"`` (``"không rõ"`` when unknown)."""
    try:
        year, month, day = (int(part) for part in iso[:10].split("-"))
    except ValueError:
        return "không rõ"
    return f"ngày {day} tháng {month} năm {year}"


def short_commit(commit: str) -> str:
    """The first 12 hex digits, ``+`` when the tree had changes (as the site's footer writes it)."""
    return commit[:12] + ("+" if commit.endswith("+dirty") else "")


def document_title(who: Identity) -> str:
    return f"{who.book_title}: tình hình đến năm {who.report_year}"


def head_html(who: Identity, stylesheet: str) -> str:
    """``<head>``: title, author, subject, keywords and dates (WeasyPrint writes them as PDF metadata)."""
    esc = html.escape
    date = who.commit_date if who.commit_date != "unknown" else ""
    dates = (
        f'<meta name="dcterms.created" content="{esc(date)}"><meta name="dcterms.modified" content="{esc(date)}">'
        if date
        else ""
    )
    return (
        '<head><meta charset="utf-8">'
        f"<title>{esc(document_title(who))}</title>"
        f'<meta name="author" content="{esc(who.author)}">'
        f'<meta name="description" content="{esc(who.report_title)}">'
        f'<meta name="keywords" content="{esc(who.book_title)}, {who.report_year}">'
        f'<meta name="generator" content="chitieu {esc(who.version)}">'
        f"{dates}<style>{stylesheet}</style></head>"
    )


def cover_html(who: Identity) -> str:
    """The cover: the book, the report it audits (issuing body, date), the year shown, build date and version."""
    esc = html.escape
    return (
        '<section class="cover">'
        f'<div class="book-title">{esc(who.book_title)}</div>'
        f'<div class="edition">Bản in · tình hình tính đến năm {who.report_year}</div>'
        '<div class="report-intro">Số liệu được trích, kiểm tra và tính lại từ</div>'
        f'<div class="report-title">{esc(who.report_title)}</div>'
        "<dl>"
        f"<dt>Cơ quan ban hành</dt><dd>{esc(who.issuing_body)}</dd>"
        f"<dt>Thời điểm của báo cáo</dt><dd>{esc(who.report_date)}</dd>"
        f"<dt>Biên soạn</dt><dd>{esc(who.author)}</dd>"
        "</dl>"
        '<div class="colophon">'
        f"Bản dựng {vietnamese_date(who.commit_date)} · phiên bản {esc(who.version)} · mã và dữ liệu (git) "
        f"{esc(short_commit(who.git_commit))}.<br>"
        "Mọi con số trong sách được tính từ dữ liệu bằng mã nguồn, không gõ tay; bản in được làm từ đúng các "
        "chương đã chạy của trang web. Các tệp dữ liệu nhắc đến trong sách (data/…) nằm trong thư mục data "
        "của trang web."
        "</div></section>"
    )


def contents_html(registry: Registry, with_appendix: bool) -> str:
    """The contents: each chapter numbered as on the site, grouped under its part's caption; page numbers come
    from the stylesheet (``target-counter``)."""
    esc = html.escape
    items = []
    part = None
    for chapter in registry:
        if chapter.part and chapter.part != part:
            items.append(f'<li class="part">{esc(chapter.part)}</li>')
        part = chapter.part
        number = f'<span class="number">{chapter.number}.</span> ' if chapter.number is not None else ""
        items.append(f'<li><a href="#{chapter.name}">{number}{esc(chapter.title)}</a></li>')
    if with_appendix:
        items.append(f'<li class="part">Phụ lục</li><li><a href="#{APPENDIX_ID}">{esc(APPENDIX_TITLE)}</a></li>')
    return f'<nav class="contents" id="{CONTENTS_ID}"><h1>Mục lục</h1><ol>{"".join(items)}</ol></nav>'
