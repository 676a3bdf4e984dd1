"""A chart as the page shows it: the figure (spec, caption, aria text, table alternative), or a note.

A chart is emitted as ``text/html``: a ``<figure>`` holding the chart drawn at build time for a wide and
a narrow column (inline SVG, :mod:`chitieu.book.charts.render`; the page's stylesheet shows the one that
fits), described once for screen readers, then its Vega-Lite spec as inert JSON (the print edition draws
from it, :mod:`chitieu.build.pdf`), a caption and a collapsed table alternative. No script is needed to
see a chart; ``_static/chitieu.js`` only adds the tooltips. Ids derive from the spec's content, so
re-executing a notebook gives byte-identical output.
"""

from __future__ import annotations

import hashlib
import html
import json

import altair as alt
import pandas as pd
from IPython.display import HTML

from chitieu.book.charts.layout import whole_colours
from chitieu.book.charts.render import chart_svgs
from chitieu.book.tables import table_html


def spec_of(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec as a plain dict (validated by Altair), with no meaningful colour lightened
    (:func:`chitieu.book.charts.layout.whole_colours`)."""
    return whole_colours(chart.to_dict())


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
    """HTML of a chart figure: the chart drawn for each layout, its description (aria), spec, caption and
    collapsed table alternative."""
    spec = spec_of(chart)
    cid = chart_id(spec)
    drawn = "".join(f'<div class="chitieu-chart-{name}">{svg}</div>' for name, svg in chart_svgs(spec, cid).items())
    return (
        f'<figure class="chitieu-figure">'
        f'<div class="chitieu-chart" id="{cid}" role="img" aria-label="{html.escape(description)}">{drawn}</div>'
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
