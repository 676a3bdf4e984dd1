"""The report itself, annotated: its text on the book's pages, every number linked both ways.

- :mod:`~chitieu.book.reporttext.places`: one anchor per quoted number, the rows quoting it, the number each
  row links to, the reason of a statistic no row takes;
- :mod:`~chitieu.book.reporttext.pages`: the split of the text over the chapters with ``role: report_text``;
- :mod:`~chitieu.book.reporttext.links`: links from the chapters, the audit and the charts into the text;
- :mod:`~chitieu.book.reporttext.views`, :mod:`~chitieu.book.reporttext.render`: the popover of each number
  and the page's blocks, rendered by the template ``templates/report_page.html`` (autoescaped).

A report page calls :func:`report_page` with its chapter context and shows :func:`page_html`; the CSS and the
small script of the popovers are ``_static/chitieu-report.css`` and ``_static/chitieu-report.js``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chitieu.book.reporttext.links import ReportLinks, report_links, report_text
from chitieu.book.reporttext.pages import ROLE, ReportPage, ReportPagesError, page_of, split_pages
from chitieu.book.reporttext.places import (
    Mark,
    QuotedRow,
    TextPlaces,
    line_anchor,
    marks,
    number_anchor,
    observation_rows,
    target_key,
    target_rows,
    text_places,
)
from chitieu.book.reporttext.render import PageView, page_blocks
from chitieu.book.reporttext.views import mark_views, skip_reason

__all__ = [
    "ROLE",
    "Mark",
    "PageView",
    "QuotedRow",
    "ReportLinks",
    "ReportPage",
    "ReportPageContent",
    "ReportPagesError",
    "TextPlaces",
    "line_anchor",
    "marks",
    "number_anchor",
    "observation_rows",
    "page_blocks",
    "page_html",
    "page_of",
    "report_links",
    "report_page",
    "report_text",
    "skip_reason",
    "split_pages",
    "target_key",
    "target_rows",
    "text_places",
]


@dataclass
class ReportPageContent:
    """One report page, ready to show: its lines, its blocks, and counts for its introduction."""

    page: ReportPage
    pages: tuple[ReportPage, ...]
    view: PageView
    quoted: int
    unquoted: int
    flagged: int

    @property
    def position(self) -> int:
        """1-based position of the page among the report pages."""
        return self.pages.index(self.page) + 1


def report_page(chapter, name: str) -> ReportPageContent:
    """The content of the report page ``name`` (a chapter with ``role: report_text``) for a chapter context
    (:class:`chitieu.book.context.ChapterContext`; its data must be the whole dataset, ``scope: all``).

    Raises
    ------
    ReportPagesError
        The report pages of the registry do not fit the text, or ``name`` is not one of them.
    """
    from chitieu.analysis import audit
    from chitieu.analysis.coverage import SKIPPED_FILE, place_names, read_skipped
    from chitieu.book.registry import load_registry

    ds = chapter.data
    registry = load_registry(chapter.project_root)
    text = report_text(ds)
    if text is None:
        raise ReportPagesError("the report's raw text is not among the data's sources")
    tp = text_places(text, place_names(ds.data_dir))
    pages = split_pages(registry, tp.places)
    page = next((p for p in pages if p.chapter.name == name), None)
    if page is None:
        raise ReportPagesError(f"notebooks/{name}.md is not a report page (`role: {ROLE}` in its front matter)")
    rows = observation_rows(ds.observations) + target_rows(ds.targets)
    all_marks = marks(tp, rows, read_skipped(Path(ds.data_dir) / SKIPPED_FILE))
    on_page = [m for key, m in all_marks.items() if page.holds(key[0])]
    results = audit.evaluate_all(ds, audit.load_checks(ds))
    views = mark_views(ds, on_page, results, registry)
    view = page_blocks(page, tp, all_marks, views, pages)
    return ReportPageContent(
        page,
        pages,
        view,
        sum(m.quoted for m in on_page),
        sum(not m.quoted for m in on_page),
        sum(bool(views[m.anchor]["flag_href"]) for m in on_page),
    )


def page_html(content: ReportPageContent) -> str:
    """The page's text as HTML (every text escaped by the template)."""
    from chitieu.book.audit_view import render

    return render("report_page.html", page=content.view)
