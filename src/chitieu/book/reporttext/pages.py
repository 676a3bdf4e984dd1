"""How the report's text is split over the book's pages, and which page holds a line.

The pages are the chapters declaring ``role: report_text`` (:mod:`chitieu.book.registry`), in book order. The
first begins at the first line of the text; each other page declares ``starts_at``, the ``source_ref`` of the
heading it begins at, and ends where the next one begins. The split is chosen so that each page stays within
the page-weight budget (``make weight``).
"""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.analysis.extract.sections import LinePlace
from chitieu.book.registry import Chapter, Registry

ROLE = "report_text"


class ReportPagesError(ValueError):
    """The report pages of the registry do not fit the text: the message names the chapter file."""


@dataclass(frozen=True)
class ReportPage:
    """One page of the report's text: lines ``first`` to ``last`` (1-based, inclusive)."""

    chapter: Chapter
    first: int
    last: int

    def holds(self, line: int) -> bool:
        return self.first <= line <= self.last

    def href(self, anchor: str) -> str:
        """A link to ``anchor`` on this page from another page of the book."""
        return f"{self.chapter.page}#{anchor}"


def split_pages(registry: Registry, places: list[LinePlace]) -> tuple[ReportPage, ...]:
    """The report pages of ``registry`` over the lines whose places are ``places`` (none when no chapter has
    the role).

    Raises
    ------
    ReportPagesError
        The first page declares ``starts_at``, another does not, or names no heading of the text, or the
        pages are not in the text's order.
    """
    chapters = registry.all_with_role(ROLE)
    if not chapters:
        return ()
    headings = {p.ref: i + 1 for i, p in enumerate(places) if p.is_heading}
    starts = []
    for index, chapter in enumerate(chapters):
        where = f"notebooks/{chapter.source.name}"
        if index == 0:
            if chapter.starts_at is not None:
                raise ReportPagesError(f"{where}: the first report page begins at the first line: drop `starts_at`")
            starts.append(1)
            continue
        if chapter.starts_at is None:
            raise ReportPagesError(f"{where}: a report page after the first needs `starts_at` (a heading's source_ref)")
        if chapter.starts_at not in headings:
            raise ReportPagesError(
                f"{where}: `starts_at: {chapter.starts_at}` names no heading of the report; headings: "
                + ", ".join(list(headings)[:12])
                + " …"
            )
        line = headings[chapter.starts_at]
        if line <= starts[-1]:
            raise ReportPagesError(f"{where}: `starts_at: {chapter.starts_at}` comes before the previous page's start")
        starts.append(line)
    ends = [s - 1 for s in starts[1:]] + [len(places)]
    return tuple(ReportPage(c, first, last) for c, first, last in zip(chapters, starts, ends))


def page_of(pages: tuple[ReportPage, ...], line: int) -> ReportPage | None:
    """The page holding ``line`` (None when there is no report page)."""
    for page in pages:
        if page.holds(line):
            return page
    return None
