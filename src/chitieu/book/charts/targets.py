"""Figures against targets: the key indicators' bullets and the value-against-target chart."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import HTML

from chitieu.book.charts.figure import chart_or_note
from chitieu.book.charts.style import STATUS_COLOURS, source_href, status_labels, tooltip_fields


def key_indicator_bullets(table: pd.DataFrame) -> alt.FacetChart:
    """One bullet per key indicator: the target range as a band, the value as a bar, one row each.

    Each row has its own scale (units differ); a percentage axis ends at 100 unless a figure passes it.
    The status is told three ways: the bar's colour, and its icon and word in the row's title. Estimates
    keep their status colour (a lighter colour would read as another status) and are told by a dashed
    outline and "(ước tính)" after the value. ``table`` is :func:`chitieu.book.keyindicators.key_indicators`
    output.
    """
    data = table[table["value"].notna()].copy()
    data["label"] = data["resolution_no"].astype(str) + ". " + data["name_vi"] + " — " + data["status_label"]
    data["axis_max"] = axis_end(data)
    # The band is the zone that meets the target: [low, high], [low, axis end] or [0, high].
    data["band_low"] = data["target_low"].where(data["target_low"].notna(), 0.0)
    data["band_high"] = data["target_high"].where(data["target_high"].notna(), data["axis_max"])
    no_target = data["target_low"].isna() & data["target_high"].isna()
    data.loc[no_target, ["band_low", "band_high"]] = 0.0
    data["estimate"] = data["obs_status"].map({"estimate": "Ước tính", "actual": "Thực hiện"})
    data["status_vi"] = data["status_label"]
    data["bar_text_vi"] = data["value_text_vi"] + data["obs_status"].map({"estimate": " (ước tính)"}).fillna("")
    data = data[
        [
            "resolution_no",
            "label",
            "value",
            "band_low",
            "band_high",
            "estimate",
            "status_vi",
            "status",
            "axis_max",
            "bar_text_vi",
            "name_vi",
            "value_text_vi",
            "period_vi",
            "obs_status_vi",
            "source_ref_vi",
            "report_href",
            "target_text_vi",
        ]
    ].fillna({"band_low": 0.0, "band_high": 0.0, "target_text_vi": "—"})
    # Layers carry no data of their own: the facet hands each row its own indicator.
    base = alt.Chart()
    band = base.mark_bar(color="#d9d9d9", height=22).encode(
        x=alt.X("band_low:Q", title=None, scale=alt.Scale(zero=True)),
        x2="band_high:Q",
        tooltip=[alt.Tooltip("target_text_vi:N", title="Chỉ tiêu đề ra")],
    )
    bar = base.mark_bar(height=12, strokeWidth=1.5).encode(
        x=alt.X("value:Q", title=None, axis=alt.Axis(format=",~f", tickCount=5)),
        color=alt.Color(
            "status_vi:N",
            title="Trạng thái (tính theo quy tắc)",
            legend=alt.Legend(titleLimit=320, labelLimit=320),
            scale=alt.Scale(
                domain=[f"{icon} {word}" for icon, word in status_labels()],
                range=list(STATUS_COLOURS.values()),
            ),
        ),
        strokeDash=alt.StrokeDash(
            "estimate:N",
            title="Số liệu",
            scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[[1, 0], [4, 2]]),
            legend=alt.Legend(symbolType="square", symbolFillColor="#ffffff", symbolStrokeWidth=2),
        ),
        strokeWidth=alt.StrokeWidth(
            "estimate:N", scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[1, 2.5]), legend=None
        ),
        stroke=alt.value("#333333"),
        tooltip=tooltip_fields() + [alt.Tooltip("target_text_vi:N", title="Chỉ tiêu đề ra")],
        href=source_href(),
    )
    label = base.mark_text(align="left", dx=4, fontSize=11).encode(x="value:Q", text="bar_text_vi:N")
    reach = base.mark_point(opacity=0).encode(x="axis_max:Q")
    return (
        alt.layer(band, bar, label, reach, data=data)
        .properties(width=420, height=30)
        .facet(
            row=alt.Row(
                "label:N",
                title=None,
                sort=alt.SortField("resolution_no"),
                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top"),
            ),
        )
        .resolve_scale(x="independent")
    )


def axis_end(rows: pd.DataFrame) -> pd.Series:
    """Where each row's axis ends: a quarter past its largest figure (value or target bound), but at 100 on
    a percentage axis when no figure passes 100 (a rate cannot exceed it, so a band past it would mislead)."""
    top = rows[["value", "target_low", "target_high"]].max(axis=1)
    end = top * 1.25
    if "unit" in rows:
        percent = rows["unit"].eq("percent") & top.le(100)
        end = end.where(~percent, end.clip(upper=100.0))
    return end


def key_bullets_or_note(
    table: pd.DataFrame, *, caption: str, description: str, report_year: int, notice: str | None = None
) -> HTML:
    """The target-vs-value bullets of :func:`key_indicator_bullets` for key-indicator rows
    (:func:`chitieu.book.keyindicators.key_indicators`), or a note when none has a value in ``report_year``."""
    from chitieu.book import keyindicators as ki

    with_value = table[table["value"].notna()]
    return chart_or_note(
        with_value,
        key_indicator_bullets,
        caption=caption,
        description=description,
        report_year=report_year,
        notice=notice,
        table=ki.display_table(with_value),
        table_columns=ki.DISPLAY_COLUMNS,
    )


def target_bullet_chart(rows: pd.DataFrame, width: int = 360, labels: dict[str, str] | None = None) -> alt.LayerChart:
    """Value against target for any indicator with a target
    (rows of :func:`chitieu.book.keyindicators.target_rows`):
    grey band = the zone that meets the target, diamond = the stated value, coloured by the computed status
    (legend: icon + word); above it the stated value with the status icon (and "(ước tính)" for an
    estimate, which keeps its status colour and has a dashed outline), the target below.

    Points rather than bars, so that the axis may start near the figures (``⌊min − 5⌋`` to the nearest 5)
    and a gap of a few points stays visible; estimates are lighter. One shared axis: use it for indicators
    of one unit (percent: axis end 100). ``labels`` (indicator id → short name) shortens the axis labels.
    """
    if rows.empty:
        raise ValueError("no rows to draw")
    data = rows.copy()
    top = float(data[["value", "target_low", "target_high"]].max(axis=1).max())
    axis_max = 100.0 if data["unit"].eq("percent").all() else top * 1.1
    lows = pd.concat([data["value"], data["target_low"].dropna(), data["target_high"].dropna()])
    axis_min = max(0.0, (float(lows.min()) - 5.0) // 5.0 * 5.0)
    data["band_low"] = data["target_low"].fillna(axis_min)
    data["band_high"] = data["target_high"].fillna(axis_max)
    data["estimate"] = data["status"].map({"actual": "Thực hiện", "estimate": "Ước tính"})
    data["name_vi"] = data["indicator_id"].map(labels or {}).fillna(data["name_vi"])
    # The status by its icon beside the value too, so that it is not told by colour alone.
    icon = data["status_label"].str.split(" ", n=1).str[0]
    data["point_text_vi"] = (
        data["value_text_vi"] + " " + icon + data["status"].map({"estimate": " (ước tính)"}).fillna("")
    )
    data = data[
        [
            "name_vi",
            "value",
            "band_low",
            "band_high",
            "estimate",
            "status_label",
            "value_text_vi",
            "point_text_vi",
            "period_vi",
            "obs_status_vi",
            "source_ref_vi",
            "report_href",
            "target_text_vi",
        ]
    ]
    legend_labels = [f"{icon} {word}" for icon, word in status_labels()]
    scale = alt.Scale(domain=[axis_min, axis_max], nice=False, zero=False)
    base = alt.Chart(data).encode(y=alt.Y("name_vi:N", title=None, axis=alt.Axis(labelLimit=200, labelFontSize=12)))
    band = base.mark_bar(color="#d9d9d9", height=30).encode(
        x=alt.X("band_low:Q", scale=scale, title="%", axis=alt.Axis(format=",~f", tickCount=5)),
        x2="band_high:Q",
        tooltip=[alt.Tooltip("target_text_vi:N", title="Mục tiêu đề ra")],
    )
    point = base.mark_point(shape="diamond", size=220, filled=True, stroke="#333333").encode(
        x=alt.X("value:Q", scale=scale),
        color=alt.Color(
            "status_label:N",
            title="Trạng thái (tính theo quy tắc)",
            scale=alt.Scale(domain=legend_labels, range=list(STATUS_COLOURS.values())),
            legend=alt.Legend(orient="bottom", direction="vertical", titleLimit=320, labelLimit=320),
        ),
        strokeDash=alt.StrokeDash(
            "estimate:N",
            title="Số liệu",
            scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[[1, 0], [3, 2]]),
            legend=alt.Legend(orient="bottom", direction="vertical", symbolType="diamond", symbolStrokeWidth=2),
        ),
        strokeWidth=alt.StrokeWidth(
            "estimate:N", scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[1, 2.5]), legend=None
        ),
        tooltip=tooltip_fields() + [alt.Tooltip("target_text_vi:N", title="Mục tiêu đề ra")],
        href=source_href(),
    )
    value_label = base.mark_text(dy=-20, fontSize=12).encode(x=alt.X("value:Q", scale=scale), text="point_text_vi:N")
    target_label = base.mark_text(dy=24, fontSize=11, color="#555555").encode(
        x=alt.X("band_low:Q", scale=scale), text=alt.Text("target_text_vi:N")
    )
    return (band + point + value_label + target_label).properties(width=width, height=alt.Step(80))
