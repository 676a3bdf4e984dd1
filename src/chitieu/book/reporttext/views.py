"""What the popover of each number of the report shows: the rows quoting it, the checks involving them, the
chapters of their topic; or, for a statistic no row takes, why.

Texts only (the page template escapes them); links are to the book's own pages.
"""

from __future__ import annotations

import pandas as pd

from chitieu.analysis.audit import Result, finding_status_by_check
from chitieu.analysis.coverage import UNEXPLAINED
from chitieu.book.fmt import (
    WHOLE_AREA_VI,
    format_observation,
    format_period,
    format_status,
    format_target,
    lower_first,
)
from chitieu.book.registry import Chapter, Registry
from chitieu.book.reporttext.places import Mark, QuotedRow
from chitieu.data.contract import QUALIFIERS
from chitieu.data.load import Dataset

SKIP_REASONS_VI = {
    "period label/year": "nhãn thời gian (một năm, hay số năm của một kỳ), không phải số liệu",
    "not a quantity of the town": "không phải số liệu của thị xã (một phần của định nghĩa, tên gọi hay đơn vị)",
    "list numbering": "số thứ tự của một mục",
    "date": "một phần của ngày tháng",
    "document number": "số hiệu văn bản",
    "document number / date": "số hiệu hoặc ngày tháng của văn bản",
    "date or period label/year": "một phần của ngày tháng hoặc nhãn thời gian, không phải số liệu",
    "name or ordinal": "một phần của tên gọi hoặc số thứ tự",
}
"""The kinds of reason of ``data/coverage_skipped.csv`` (the words before its first colon), in Vietnamese."""
UNEXPLAINED_VI = "chưa có trong dữ liệu và chưa ghi lý do (lỗi của dữ liệu: ``make coverage`` báo lỗi này)"


def skip_reason(reason: str) -> tuple[str, str]:
    """A reason of ``coverage_skipped.csv`` as ``(Vietnamese kind, detail as written)``. The detail is the
    analyst's note in English: it stays in the CSV, the page shows the Vietnamese kind only."""
    if reason == UNEXPLAINED:
        return UNEXPLAINED_VI, ""
    head, _, detail = reason.partition(":")
    kind = head.split("(")[0].strip()
    vi = SKIP_REASONS_VI.get(kind)
    if vi is None:
        return "", reason
    return vi, (detail or head[len(kind) :]).strip().strip("()").strip()


def _observation_view(ds: Dataset, oid: str) -> dict:
    row = ds.observations.loc[oid]
    ind = ds.indicators.loc[row["indicator_id"]]
    return {
        "kind": "Số liệu",
        "id": oid,
        "name": ind["name_vi"],
        "value": format_observation(row["value"], ind["unit"], row["qualifier"], int(row["decimals"])),
        "period": format_period(row["period"]),
        "status": format_status(row["status"]),
        "qualifier": QUALIFIERS[row["qualifier"]] or "số chính xác",
        "locality": row["locality"] or lower_first(WHOLE_AREA_VI),
        "note": row.get("note", "") or "",
    }


def _target_view(ds: Dataset, row: QuotedRow) -> dict:
    iid, _, ref = row.key.partition("@")
    tgt = ds.targets[(ds.targets["indicator_id"] == iid) & (ds.targets["source_ref"] == ref)].iloc[0]
    ind = ds.indicators.loc[iid]
    low = None if pd.isna(tgt["low"]) else float(tgt["low"])
    high = None if pd.isna(tgt["high"]) else float(tgt["high"])
    return {
        "kind": "Mục tiêu",
        "id": iid,
        "name": ind["name_vi"],
        "value": format_target(tgt["kind"], low, high, ind["unit"]),
        "period": f"đến năm {int(tgt['target_year'])}",
        "status": "mức chỉ tiêu đề ra",
        "qualifier": "",
        "locality": lower_first(WHOLE_AREA_VI),
        "note": "",
    }


def _chapters(ds: Dataset, indicator_ids: list[str], registry: Registry, audit_pages: list[Chapter]) -> list[dict]:
    """The chapter of each indicator's topic, the key indicators' page for a key indicator, then the pages of the
    audit that show the figures' checks."""
    topic_pages = registry.topic_pages()
    pages = []
    for iid in indicator_ids:
        ind = ds.indicators.loc[iid]
        if not pd.isna(ind["resolution_no"]):
            pages.append(registry.with_role("key_indicators"))
        if ind["chapter"] in topic_pages:
            pages.append(topic_pages[ind["chapter"]])
    pages += audit_pages
    unique = {p.name: p for p in pages}.values()
    return [{"title": p.title, "href": p.page} for p in unique]


def mark_views(ds: Dataset, marks: list[Mark], results: list[Result], registry: Registry) -> dict[str, dict]:
    """Anchor → the popover view of each mark (see the module docstring)."""
    from chitieu.book.audit_view import audit_page, finding_href, status_label  # it links into the text too

    finding_status = finding_status_by_check(results)

    by_obs: dict[str, list[Result]] = {}
    for res in results:
        for oid in res.obs_ids:
            by_obs.setdefault(oid, []).append(res)
    out = {}
    for mark in marks:
        rows, checks, indicators = [], {}, []
        for row in mark.rows:
            if row.kind == "observation" and row.key in ds.observations.index:
                rows.append(_observation_view(ds, row.key))
                indicators.append(ds.observations.loc[row.key, "indicator_id"])
                for res in by_obs.get(row.key, []):
                    checks[res.check_id] = res
            elif row.kind == "target":
                view = _target_view(ds, row)
                rows.append(view)
                indicators.append(view["id"])
        failing = [r for r in checks.values() if r.status == "fail"]
        reason_vi = skip_reason(mark.reason)[0] if not mark.rows else ""
        out[mark.anchor] = {
            "anchor": mark.anchor,
            "quoted": bool(mark.rows),
            "rows": rows,
            "checks": [
                {
                    "status": r.status,
                    "label": status_label(r.status),
                    "title": r.check.description_vi,
                    "href": finding_href(r.check_id, registry, finding_status[r.check_id]),
                }
                for r in checks.values()
            ],
            "flag_href": finding_href(failing[0].check_id, registry) if failing else "",
            "chapters": _chapters(
                ds,
                list(dict.fromkeys(indicators)),
                registry,
                [audit_page(finding_status[cid], registry) for cid in checks],
            ),
            "reason": reason_vi,
        }
    return out
