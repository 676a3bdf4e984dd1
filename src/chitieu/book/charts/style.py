"""The charts' look: colours, fonts, the vi-VN number locale, how estimates and statuses are drawn.

One place for what every chart shares, so that a status or an estimate looks the same in every chapter.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

# Okabe–Ito: distinguishable with the common colour-vision deficiencies. Green, orange and vermilion mean a
# target's status (STATUS_COLOURS); the categories of other charts never wear them (a red sector would read
# as "chưa đạt").
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
STATUS_COLOURS = {
    "met": "#009E73",
    "nearly_met": "#E69F00",
    "not_met": "#D55E00",
    "no_target": "#999999",
    "no_data": "#BBBBBB",
}
PALETTE = ["#0072B2", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
ESTIMATE_OPACITY = 0.45

# d3-format has no vi-VN locale: decimal comma, thousands dot, groups of three.
VI_FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]}


def _unit_titles() -> dict[str, str]:
    from chitieu.data.contract import UNITS

    return dict(UNITS)


UNIT_TITLES = _unit_titles()

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


def theme() -> dict:
    """The book's Altair theme: system fonts (no web font to download), Okabe–Ito colours."""
    return {
        "config": {
            "font": FONT,
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "titleLimit": 320,
                "labelLimit": 320,
            },
            "header": {"labelFontSize": 12, "labelLimit": 320},
            "title": {"fontSize": 14, "anchor": "start"},
            "view": {"stroke": None},
        }
    }


# The chart data are the figures the data contract accepted; Altair's default cap (5.000 rows, then
# MaxRowsError) would make a chapter fail on data that passed validation. Page weight is measured instead
# (``make weight``).
alt.data_transformers.disable_max_rows()


@alt.theme.register("chitieu", enable=True)
def _chitieu_theme() -> alt.theme.ThemeConfig:
    return alt.theme.ThemeConfig(theme())


def tooltip_fields() -> list[alt.Tooltip]:
    """The tooltip every data mark carries: value, period, status and source reference, in Vietnamese."""
    return [
        alt.Tooltip("name_vi:N", title="Chỉ tiêu"),
        alt.Tooltip("value_text_vi:N", title="Giá trị"),
        alt.Tooltip("period_vi:N", title="Kỳ"),
        alt.Tooltip("obs_status_vi:N", title="Trạng thái số liệu"),
        alt.Tooltip("source_ref_vi:N", title="Nguồn"),
    ]


def source_href() -> alt.Href:
    """A mark's link to the number it draws in the report's text (the ``report_href`` field that
    :func:`chitieu.book.chapter.enrich` adds): clicking a bar or point opens the report there."""
    return alt.Href("report_href:N")


ESTIMATE_DOMAIN = ["Thực hiện", "Ước tính", "Kế hoạch"]


def with_estimate(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with an ``estimate`` column (the status in words), which the estimate encodings read."""
    out = frame.copy()
    out["estimate"] = out["status"].map({"actual": "Thực hiện", "estimate": "Ước tính", "plan": "Kế hoạch"})
    return out


def estimate_encodings() -> dict:
    """Opacity and dash that set estimates apart from actuals (and say so in the legend)."""
    return {
        "opacity": alt.Opacity(
            "estimate:N", title="Số liệu", scale=alt.Scale(domain=ESTIMATE_DOMAIN, range=[1.0, ESTIMATE_OPACITY, 0.25])
        ),
        "strokeDash": alt.StrokeDash(
            "estimate:N", scale=alt.Scale(domain=ESTIMATE_DOMAIN, range=[[1, 0], [4, 2], [2, 2]]), legend=None
        ),
        "stroke": alt.value("#333333"),
    }


def status_labels() -> list[tuple[str, str]]:
    """``(icon, word)`` of each target status, in the order of :data:`STATUS_COLOURS`."""
    from chitieu.analysis.status import STATUS_LABELS

    return list(STATUS_LABELS.values())
