"""The part "Văn bản báo cáo": the report's own text over five pages (chapters 15–19), every number linked to
the data, the audit and the chapters (:mod:`chitieu.book.reporttext`).

This module words each page's introduction from its content; the split of the text is declared in each
page's front matter (``starts_at``).
"""

from __future__ import annotations

from chitieu.book.reporttext import ReportPageContent
from chitieu.data.vnnum import format_vn

RAW_TEXT = "bao_cao_so_ket_giua_nhiem_ky_2020_2025.txt"
"""The raw report (``data/raw``), published as a download on the first page with its sidecar."""


def page_texts(content: ReportPageContent) -> dict[str, str]:
    """The glued texts of a report page's introduction: where the page is, what it marks."""
    page = content.page
    nxt = content.pages[content.position] if content.position < len(content.pages) else None
    prev = content.pages[content.position - 2] if content.position > 1 else None
    return {
        "vb_position": format_vn(content.position),
        "vb_pages": format_vn(len(content.pages)),
        "vb_first_line": format_vn(page.first),
        "vb_last_line": format_vn(page.last),
        "vb_quoted": format_vn(content.quoted),
        "vb_unquoted": format_vn(content.unquoted),
        "vb_flagged": format_vn(content.flagged),
        "vb_prev": f"trang trước: {prev.chapter.title}" if prev else "đây là trang đầu",
        "vb_next": f"trang sau: {nxt.chapter.title}" if nxt else "đây là trang cuối",
    }
