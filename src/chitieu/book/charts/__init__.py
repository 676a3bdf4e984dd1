"""Altair charts for the book, rendered offline with the Vega bundle the site serves itself.

The chapters call this package as ``charts.bar_chart(…)``, ``charts.chart_or_note(…)`` …; its modules:

- :mod:`~chitieu.book.charts.style`: colours, fonts, the vi-VN locale, how estimates and statuses look;
- :mod:`~chitieu.book.charts.figure`: a chart as the page shows it (figure, caption, table alternative) or
  the note shown instead when there is nothing to draw;
- :mod:`~chitieu.book.charts.bars`: bars, series, structures, small multiples;
- :mod:`~chitieu.book.charts.targets`: figures against their targets.
"""

from chitieu.book.charts.bars import (
    bar_chart,
    panel_rows,
    panels,
    percent_bar_chart,
    series_chart,
    structure_chart,
    with_value_labels,
)
from chitieu.book.charts.figure import (
    CHART_TABLE_COLUMNS,
    TOWN_TABLE_COLUMNS,
    chart_id,
    chart_or_note,
    chart_table,
    figure_html,
    no_data_note_html,
    show_chart,
    spec_of,
)
from chitieu.book.charts.style import (
    ESTIMATE_DOMAIN,
    ESTIMATE_OPACITY,
    PALETTE,
    STATUS_COLOURS,
    UNIT_TITLES,
    VI_FORMAT_LOCALE,
    source_href,
    theme,
    tooltip_fields,
)
from chitieu.book.charts.targets import key_bullets_or_note, key_indicator_bullets, target_bullet_chart

__all__ = [
    "CHART_TABLE_COLUMNS",
    "ESTIMATE_DOMAIN",
    "ESTIMATE_OPACITY",
    "PALETTE",
    "STATUS_COLOURS",
    "TOWN_TABLE_COLUMNS",
    "UNIT_TITLES",
    "VI_FORMAT_LOCALE",
    "bar_chart",
    "chart_id",
    "chart_or_note",
    "chart_table",
    "figure_html",
    "key_bullets_or_note",
    "key_indicator_bullets",
    "no_data_note_html",
    "panel_rows",
    "panels",
    "percent_bar_chart",
    "series_chart",
    "show_chart",
    "spec_of",
    "structure_chart",
    "target_bullet_chart",
    "theme",
    "source_href",
    "tooltip_fields",
    "with_value_labels",
]
