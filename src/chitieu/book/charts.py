"""Altair charts for the book, rendered offline with the Vega bundle the site serves itself.

A chart is emitted as ``text/html``: a ``<figure>`` holding an empty ``div`` (with an aria description),
the Vega-Lite spec as inert JSON, a caption and a collapsed table alternative. ``_static/chitieu.js``
embeds every such spec with ``vegaEmbed`` and the vi-VN number locale once the page has loaded; the
Vega bundle itself is one file of ``_static/vendor`` shared by all pages (see :mod:`chitieu.build.vega`).
Ids derive from the spec's content, so re-executing a notebook gives byte-identical output.
"""

from __future__ import annotations

import hashlib
import html
import json

import altair as alt
import pandas as pd
from IPython.display import HTML

from chitieu.book.tables import table_html

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
STATUS_COLOURS = {
    "met": "#009E73",
    "nearly_met": "#E69F00",
    "not_met": "#D55E00",
    "no_target": "#999999",
    "no_data": "#BBBBBB",
}
ESTIMATE_OPACITY = 0.45

# d3-format has no vi-VN locale: decimal comma, thousands dot, groups of three.
VI_FORMAT_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]}


def _unit_titles() -> dict[str, str]:
    from chitieu.data.schema import UNITS

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


@alt.theme.register("chitieu", enable=True)
def _chitieu_theme() -> alt.theme.ThemeConfig:
    return alt.theme.ThemeConfig(theme())


def spec_of(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec as a plain dict (validated by Altair)."""
    return chart.to_dict()


def chart_id(spec: dict) -> str:
    """A stable id from the spec's content (Altair's own ids are random per run)."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"chitieu-chart-{digest[:16]}"


def _json_for_script(spec: dict) -> str:
    # Inside <script type="application/json"> only "</" and "<!--" can end or confuse the element;
    # escaping every "<" also keeps text from the data inert.
    return (
        json.dumps(spec, ensure_ascii=False, sort_keys=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def figure_html(
    chart: alt.TopLevelMixin,
    *,
    caption: str,
    description: str,
    table: pd.DataFrame,
    table_columns: dict[str, str],
) -> str:
    """HTML of a chart figure: description (aria), caption, spec, collapsed table alternative."""
    spec = spec_of(chart)
    cid = chart_id(spec)
    return (
        f'<figure class="chitieu-figure">'
        f'<div class="chitieu-chart" id="{cid}" role="img" aria-label="{html.escape(description)}"></div>'
        f'<script type="application/json" class="chitieu-spec" data-for="{cid}">{_json_for_script(spec)}</script>'
        f"<figcaption><strong>{html.escape(caption)}</strong> {html.escape(description)}</figcaption>"
        f'<details class="chitieu-details"><summary>Bảng số liệu của biểu đồ</summary>'
        f"{table_html(table, table_columns)}</details>"
        f"</figure>"
    )


def show_chart(
    chart,
    *,
    caption: str,
    description: str,
    table: pd.DataFrame,
    table_columns: dict[str, str] | None = None,
) -> HTML:
    """Display a chart figure in a notebook cell (see :func:`figure_html`).

    ``table`` is the table alternative; when ``table_columns`` is None it must be observation rows (from
    :mod:`chitieu.book.chapter`) and is shown with the columns of :data:`CHART_TABLE_COLUMNS`.
    """
    if table_columns is None:
        table, table_columns = chart_table(table), CHART_TABLE_COLUMNS
    return HTML(figure_html(chart, caption=caption, description=description, table=table, table_columns=table_columns))


CHART_TABLE_COLUMNS = {
    "name_vi": "Chỉ tiêu",
    "locality_vi": "Địa bàn",
    "value_text_vi": "Giá trị",
    "period_vi": "Kỳ",
    "obs_status_vi": "Số liệu",
    "source_ref_vi": "Nguồn",
}


def chart_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The text-only table alternative of a chart drawn from observation rows."""
    return frame[list(CHART_TABLE_COLUMNS)].astype(str)


def tooltip_fields() -> list[alt.Tooltip]:
    """The tooltip every data mark carries: value, period, status and source reference, in Vietnamese."""
    return [
        alt.Tooltip("name_vi:N", title="Chỉ tiêu"),
        alt.Tooltip("value_text_vi:N", title="Giá trị"),
        alt.Tooltip("period_vi:N", title="Kỳ"),
        alt.Tooltip("obs_status_vi:N", title="Trạng thái số liệu"),
        alt.Tooltip("source_ref_vi:N", title="Nguồn"),
    ]


def key_indicator_bullets(table: pd.DataFrame) -> alt.FacetChart:
    """One bullet per key indicator: the target range as a band, the value as a bar, one row each.

    Each row has its own scale (units differ). Estimates are lighter with a dashed outline, actuals solid.
    ``table`` is :func:`chitieu.analysis.keyindicators.key_indicators` output.
    """
    data = table[table["value"].notna()].copy()
    data["label"] = data["resolution_no"].astype(str) + ". " + data["name_vi"]
    data["axis_max"] = data[["value", "target_low", "target_high"]].max(axis=1) * 1.25
    # The band is the zone that meets the target: [low, high], [low, axis end] or [0, high].
    data["band_low"] = data["target_low"].where(data["target_low"].notna(), 0.0)
    data["band_high"] = data["target_high"].where(data["target_high"].notna(), data["axis_max"])
    no_target = data["target_low"].isna() & data["target_high"].isna()
    data.loc[no_target, ["band_low", "band_high"]] = 0.0
    data["estimate"] = data["obs_status"].map({"estimate": "Ước tính", "actual": "Thực hiện"})
    data["status_vi"] = data["status_label"]
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
            "name_vi",
            "value_text_vi",
            "period_vi",
            "obs_status_vi",
            "source_ref_vi",
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
                domain=[f"{icon} {word}" for icon, word in _labels()],
                range=list(STATUS_COLOURS.values()),
            ),
        ),
        opacity=alt.Opacity(
            "estimate:N",
            title="Số liệu",
            scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[1.0, ESTIMATE_OPACITY]),
        ),
        strokeDash=alt.StrokeDash(
            "estimate:N", scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[[1, 0], [4, 2]]), legend=None
        ),
        stroke=alt.value("#333333"),
        tooltip=tooltip_fields() + [alt.Tooltip("target_text_vi:N", title="Chỉ tiêu đề ra")],
    )
    label = base.mark_text(align="left", dx=4, fontSize=11).encode(x="value:Q", text="value_text_vi:N")
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


ESTIMATE_DOMAIN = ["Thực hiện", "Ước tính", "Kế hoạch"]


def _with_estimate(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["estimate"] = out["status"].map({"actual": "Thực hiện", "estimate": "Ước tính", "plan": "Kế hoạch"})
    return out


def _estimate_encodings() -> dict:
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
        label,
    ]
    return frame[list(dict.fromkeys(keep))]


def bar_chart(frame: pd.DataFrame, *, label: str = "name_vi", title: str | None = None, width: int = 420) -> alt.Chart:
    """Horizontal bars, largest first, one per row of ``frame`` (output of :mod:`chitieu.book.chapter`).

    ``label`` names the column shown on the axis (e.g. ``name_vi``, ``locality_vi``, ``period_vi``).
    All rows should share one unit; the axis title is that unit.
    """
    data = _chart_fields(_with_estimate(frame), label)
    unit = UNIT_TITLES.get(frame["unit"].iloc[0], "") if not frame.empty else ""
    return (
        alt.Chart(data, title=title or alt.Undefined)
        .mark_bar(color=PALETTE[0], strokeWidth=1)
        .encode(
            y=alt.Y(f"{label}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240)),
            x=alt.X("value:Q", title=unit, axis=alt.Axis(format=",~f", tickCount=5)),
            tooltip=tooltip_fields(),
            **_estimate_encodings(),
        )
        .properties(width=width, height=alt.Step(22))
    )


def series_chart(frame: pd.DataFrame, *, title: str | None = None, width: int = 420) -> alt.Chart:
    """Bars over periods in time order (a yearly series, a term total beside part-years)."""
    data = _chart_fields(_with_estimate(frame), "period_vi")
    data = data.assign(order=range(len(data)))
    unit = UNIT_TITLES.get(frame["unit"].iloc[0], "") if not frame.empty else ""
    return (
        alt.Chart(data, title=title or alt.Undefined)
        .mark_bar(color=PALETTE[0], strokeWidth=1)
        .encode(
            x=alt.X("period_vi:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=unit, axis=alt.Axis(format=",~f", tickCount=5)),
            tooltip=tooltip_fields(),
            **_estimate_encodings(),
        )
        .properties(width=width, height=220)
    )


def structure_chart(
    frame: pd.DataFrame, *, label: str = "name_vi", title: str | None = None, width: int = 420
) -> alt.Chart:
    """One stacked bar of shares (e.g. industry – services – agriculture), in the order of ``frame``."""
    data = _chart_fields(_with_estimate(frame), label).assign(order=range(len(frame)))
    return (
        alt.Chart(data, title=title or alt.Undefined)
        .mark_bar(strokeWidth=1)
        .encode(
            x=alt.X("value:Q", title="%", stack="normalize", axis=alt.Axis(format="~%")),
            color=alt.Color(f"{label}:N", title=None, sort=list(data[label]), scale=alt.Scale(range=PALETTE)),
            order=alt.Order("order:Q"),
            tooltip=tooltip_fields(),
            **_estimate_encodings(),
        )
        .properties(width=width, height=50)
    )


def _labels() -> list[tuple[str, str]]:
    from chitieu.analysis.status import STATUS_LABELS

    return list(STATUS_LABELS.values())


# ---------------------------------------------------------------------------------------------------
# Helpers every chapter shares
# ---------------------------------------------------------------------------------------------------

TOWN_TABLE_COLUMNS = {k: v for k, v in CHART_TABLE_COLUMNS.items() if k != "locality_vi"}
"""The chart-table columns without "Địa bàn", for figures that are all for the whole town."""


def no_data_note_html(caption: str, report_year: int, notice: str | None = None) -> str:
    """The paragraph shown in place of a chart (or table) without rows: its caption, so that the chapter's
    numbering stays readable, then ``notice`` (default: no figure up to ``report_year``). Escaped."""
    text = notice if notice is not None else f"Chưa có số liệu tính đến năm {int(report_year)}."
    return f'<p class="chitieu-note"><strong>{html.escape(caption)}</strong> {html.escape(text)}</p>'


def chart_or_note(
    frame: pd.DataFrame,
    build,
    *,
    caption: str,
    description: str,
    report_year: int,
    notice: str | None = None,
    table: pd.DataFrame | None = None,
    table_columns: dict[str, str] | None = None,
) -> HTML:
    """A chart figure (:func:`show_chart`) when ``frame`` has rows, otherwise a short note (no empty chart).

    ``build`` is called with ``frame`` to make the chart; ``table`` (default ``frame``) is the table
    alternative. The note (:func:`no_data_note_html`) keeps the caption and says ``notice``.
    """
    if frame.empty:
        return HTML(no_data_note_html(caption, report_year, notice))
    return show_chart(
        build(frame),
        caption=caption,
        description=description,
        table=frame if table is None else table,
        table_columns=table_columns,
    )


def key_bullets_or_note(
    table: pd.DataFrame, *, caption: str, description: str, report_year: int, notice: str | None = None
) -> HTML:
    """The target-vs-value bullets of :func:`key_indicator_bullets` for key-indicator rows
    (:func:`chitieu.analysis.keyindicators.key_indicators`), or a note when none has a value in ``report_year``."""
    from chitieu.analysis import keyindicators as ki

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


def target_bullet_chart(rows: pd.DataFrame, width: int = 360, labels: dict[str, str] | None = None) -> alt.LayerChart:
    """Value against target for any indicator with a target
    (rows of :func:`chitieu.analysis.keyindicators.target_rows`):
    grey band = the zone that meets the target, diamond = the stated value, coloured by the computed status
    (legend: icon + word); the stated value above, the target below.

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
    data = data[
        [
            "name_vi",
            "value",
            "band_low",
            "band_high",
            "estimate",
            "status_label",
            "value_text_vi",
            "period_vi",
            "obs_status_vi",
            "source_ref_vi",
            "target_text_vi",
        ]
    ]
    status_labels = [f"{icon} {word}" for icon, word in _labels()]
    scale = alt.Scale(domain=[axis_min, axis_max], nice=False, zero=False)
    base = alt.Chart(data).encode(y=alt.Y("name_vi:N", title=None, axis=alt.Axis(labelLimit=200, labelFontSize=12)))
    band = base.mark_bar(color="#d9d9d9", height=30).encode(
        x=alt.X("band_low:Q", scale=scale, title="%", axis=alt.Axis(format=",~f", tickCount=5)),
        x2="band_high:Q",
        tooltip=[alt.Tooltip("target_text_vi:N", title="Mục tiêu đề ra")],
    )
    point = base.mark_point(shape="diamond", size=220, filled=True, stroke="#333333", strokeWidth=1).encode(
        x=alt.X("value:Q", scale=scale),
        color=alt.Color(
            "status_label:N",
            title="Trạng thái (tính theo quy tắc)",
            scale=alt.Scale(domain=status_labels, range=list(STATUS_COLOURS.values())),
            legend=alt.Legend(orient="bottom", direction="vertical", titleLimit=320, labelLimit=320),
        ),
        opacity=alt.Opacity(
            "estimate:N",
            title="Số liệu",
            scale=alt.Scale(domain=["Thực hiện", "Ước tính"], range=[1.0, ESTIMATE_OPACITY]),
            legend=alt.Legend(orient="bottom", direction="vertical"),
        ),
        tooltip=tooltip_fields() + [alt.Tooltip("target_text_vi:N", title="Mục tiêu đề ra")],
    )
    value_label = base.mark_text(dy=-20, fontSize=12).encode(x=alt.X("value:Q", scale=scale), text="value_text_vi:N")
    target_label = base.mark_text(dy=24, fontSize=11, color="#555555").encode(
        x=alt.X("band_low:Q", scale=scale), text=alt.Text("target_text_vi:N")
    )
    return (band + point + value_label + target_label).properties(width=width, height=alt.Step(80))


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
