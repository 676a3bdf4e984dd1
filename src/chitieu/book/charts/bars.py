"""Bar charts of observation rows: sorted bars, series over periods, structures, small multiples."""

from __future__ import annotations

import altair as alt
import pandas as pd

from chitieu.book.charts.style import (
    PALETTE,
    UNIT_TITLES,
    estimate_encodings,
    source_href,
    tooltip_fields,
    with_estimate,
)


def _chart_fields(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    keep = [
        "value",
        "estimate",
        "name_vi",
        "value_text_vi",
        "period_vi",
        "obs_status_vi",
        "source_ref_vi",
        "locality_vi",
        "report_href",
        label,
    ]
    return frame[list(dict.fromkeys(keep))]


def bar_chart(frame: pd.DataFrame, *, label: str = "name_vi", title: str | None = None, width: int = 420) -> alt.Chart:
    """Horizontal bars, largest first, one per row of ``frame`` (output of :mod:`chitieu.book.chapter`).

    ``label`` names the column shown on the axis (e.g. ``name_vi``, ``locality_vi``, ``period_vi``).
    All rows should share one unit; the axis title is that unit.
    """
    data = _chart_fields(with_estimate(frame), label)
    unit = UNIT_TITLES.get(frame["unit"].iloc[0], "") if not frame.empty else ""
    return (
        alt.Chart(data, title=title or alt.Undefined)
        .mark_bar(color=PALETTE[0], strokeWidth=1)
        .encode(
            y=alt.Y(f"{label}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240)),
            x=alt.X("value:Q", title=unit, axis=alt.Axis(format=",~f", tickCount=5)),
            tooltip=tooltip_fields(),
            href=source_href(),
            **estimate_encodings(),
        )
        .properties(width=width, height=alt.Step(22))
    )


def series_chart(frame: pd.DataFrame, *, title: str | None = None, width: int = 420) -> alt.Chart:
    """Bars over periods in time order (a yearly series, a term total beside part-years)."""
    data = _chart_fields(with_estimate(frame), "period_vi")
    data = data.assign(order=range(len(data)))
    unit = UNIT_TITLES.get(frame["unit"].iloc[0], "") if not frame.empty else ""
    return (
        alt.Chart(data, title=title or alt.Undefined)
        .mark_bar(color=PALETTE[0], strokeWidth=1)
        .encode(
            x=alt.X("period_vi:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=unit, axis=alt.Axis(format=",~f", tickCount=5)),
            tooltip=tooltip_fields(),
            href=source_href(),
            **estimate_encodings(),
        )
        .properties(width=width, height=220)
    )


def structure_chart(
    frame: pd.DataFrame, *, label: str = "name_vi", title: str | None = None, width: int = 420
) -> alt.Chart:
    """One stacked bar of shares (e.g. industry – services – agriculture), in the order of ``frame``."""
    data = _chart_fields(with_estimate(frame), label).assign(order=range(len(frame)))
    return (
        alt.Chart(data, title=title or alt.Undefined)
        .mark_bar(strokeWidth=1)
        .encode(
            x=alt.X("value:Q", title="%", stack="normalize", axis=alt.Axis(format="~%")),
            color=alt.Color(f"{label}:N", title=None, sort=list(data[label]), scale=alt.Scale(range=PALETTE)),
            order=alt.Order("order:Q"),
            tooltip=tooltip_fields(),
            href=source_href(),
            **estimate_encodings(),
        )
        .properties(width=width, height=50)
    )


def with_value_labels(chart: alt.Chart, horizontal: bool = True) -> alt.LayerChart:
    """A bar chart of this module with each bar's stated value (``value_text_vi``) written at its end."""
    text = chart.mark_text(
        align="left" if horizontal else "center", dx=4 if horizontal else 0, dy=0 if horizontal else -7, fontSize=11
    ).encode(
        text="value_text_vi:N",
        stroke=alt.value(None),
        opacity=alt.value(1),
        strokeDash=alt.value([1, 0]),
    )
    return alt.layer(chart, text)


def percent_bar_chart(frame: pd.DataFrame, *, label: str = "name_vi", width: int = 300) -> alt.LayerChart:
    """Horizontal bars of rates on a 0–100% axis, largest first, with the stated value on each bar."""
    return with_value_labels(
        bar_chart(frame, label=label, width=width).encode(
            x=alt.X("value:Q", title="%", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(format=",~f", tickCount=5))
        )
    )


def panels(frames: dict[str, pd.DataFrame], *, label: str = "name_vi", width: int = 300) -> alt.VConcatChart:
    """Small multiples: one sorted bar chart (:func:`bar_chart`, axis labels from ``label``) per non-empty
    frame, titled by its key, stacked vertically so that it reads on a phone; each has its own scale."""
    parts = [bar_chart(f, label=label, title=title, width=width) for title, f in frames.items() if not f.empty]
    if not parts:
        raise ValueError("no frame with rows to draw")
    return alt.vconcat(*parts).resolve_scale(x="independent", color="independent")


def panel_rows(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The rows of several frames one after the other: the table alternative of :func:`panels` (empty, with
    an ``obs_id`` column, when no frame has rows)."""
    non_empty = [f for f in frames.values() if not f.empty]
    return pd.concat(non_empty) if non_empty else pd.DataFrame(columns=["obs_id"])
