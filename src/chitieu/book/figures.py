"""The closing table of every chapter: each figure used, with its value, period, status, quote and reading note,
its audit marker, and its source linked to the exact place in the report's text (:mod:`chitieu.book.reporttext`)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from chitieu.book.context import ChapterContext
from chitieu.book.fmt import (
    WHOLE_AREA_VI,
    format_observation,
    format_period,
    format_source_ref,
    format_status,
    lower_first,
)
from chitieu.data.load import Dataset

FIGURE_COLUMNS = {
    "obs_id": "Mã số liệu",
    "audit": "Kiểm tra",
    "name": "Chỉ tiêu",
    "value": "Giá trị",
    "period": "Kỳ",
    "status": "Trạng thái",
    "locality": "Địa bàn",
    "source": "Nguồn (xem trong văn bản)",
    "quote": "Trích dẫn nguyên văn",
    "note": "Ghi chú cách đọc",
}
FIGURE_HTML_COLUMNS = frozenset({"audit", "source"})
# The print stylesheet gives this table fixed column widths (chitieu/build/pdf/print.css).
FIGURES_TABLE_CLASS = "chitieu-table chitieu-figures"


def figures_used(ds: Dataset, obs_ids: Iterable[str]) -> pd.DataFrame:
    """Display rows (all text) for the observations ``obs_ids``, in the given order, without repeats.

    Missing ids (None or NaN, e.g. a key indicator without a figure for the year) are skipped.

    Raises
    ------
    KeyError
        If an id is not in the data (a chapter must not cite a figure that does not exist).
    """
    # dict: ordered and without repeats, in linear time (chapters cite thousands of ids at 100× data)
    seen = list(dict.fromkeys(oid for oid in obs_ids if oid is not None and not pd.isna(oid)))
    missing = [oid for oid in seen if oid not in ds.observations.index]
    if missing:
        raise KeyError(f"observations not in data/observations.csv: {missing}")
    obs = ds.observations.loc[seen]
    names = ds.indicators["name_vi"]
    units = ds.indicators["unit"]
    return pd.DataFrame(
        {
            "obs_id": obs["obs_id"],
            "name": obs["indicator_id"].map(names),
            "value": [
                format_observation(row.value, units[row.indicator_id], row.qualifier, int(row.decimals))
                for row in obs.itertuples()
            ],
            "period": obs["period"].map(format_period),
            "status": obs["status"].map(format_status),
            "locality": obs["locality"].replace("", lower_first(WHOLE_AREA_VI)),
            "source": obs["source_ref"].map(format_source_ref),
            "quote": "“" + obs["source_quote"] + "”",
            "note": obs["note"].fillna("").replace("", "—") if "note" in obs else "—",
        }
    )


def source_links(table: pd.DataFrame, links) -> list[str]:
    """The ``source`` cells of a figures table as links to the number each figure quotes in the report's text
    (escaped HTML; the plain reference when the book has no report page for it)."""
    import html

    out = []
    for oid, source in zip(table["obs_id"], table["source"]):
        href = links.obs_href(oid)
        text = html.escape(source)
        out.append(f'<a href="{html.escape(href)}">{text}</a>' if href else text)
    return out


def figures_section(chapter: ChapterContext, obs_ids: Iterable[str]):
    """The closing block of a chapter: the table of every figure used and a link to its CSV.

    When the build asks for it (``chapter.export_csv``, :mod:`chitieu.book.context`), the CSV of the
    chapter's figures is written there and published under ``_build/html/data/chapters/``; re-executions
    outside the build (JupyterLab, nbval) write nothing.
    """
    import html

    from IPython.display import HTML

    from chitieu.atomic import write_text_atomic
    from chitieu.book.audit_view import marker_html
    from chitieu.book.registry import load_registry
    from chitieu.book.reporttext import report_links
    from chitieu.book.tables import table_html

    ds = chapter.data
    table = figures_used(ds, obs_ids)
    flags = chapter.audit_flags
    registry = load_registry(chapter.project_root)
    table.insert(1, "audit", [marker_html(oid, flags, registry) or "—" for oid in table["obs_id"]])
    table["source"] = source_links(table, report_links(ds, registry))
    if chapter.export_csv is not None:
        ids = list(table["obs_id"])
        csv_rows = ds.observations.loc[ids].drop(
            columns=["start_year", "end_year", "decimals", "value_text", "rejected"]
        )
        csv_rows = csv_rows.assign(value=ds.observations.loc[ids, "value_text"])
        write_text_atomic(chapter.export_csv, csv_rows.to_csv(index=False, lineterminator="\n"))
    link = html.escape(f"../data/chapters/{chapter.name}.csv")
    rows = table_html(table, FIGURE_COLUMNS, css_class=FIGURES_TABLE_CLASS, html_columns=FIGURE_HTML_COLUMNS)
    return HTML(
        f'<p class="chitieu-download">⬇ <a href="{link}" download>Tải các số liệu của chương (CSV, UTF-8)</a></p>'
        f'<details class="chitieu-details"><summary>Giá trị, kỳ, trạng thái, nguồn và trích dẫn nguyên văn '
        f"của từng số liệu</summary>{rows}"
        "</details>"
    )
