"""HTML tables for the book: every text escaped, numbers already written the Vietnamese way."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

REFLOW_COLUMNS = 4


def table_html(
    frame: pd.DataFrame,
    columns: dict[str, str],
    *,
    css_class: str = "chitieu-table",
    html_columns: frozenset[str] = frozenset(),
) -> str:
    """Render ``frame[columns]`` as an HTML table with Vietnamese headers.

    Parameters
    ----------
    frame : DataFrame
        Rows to show; cells must already be display strings (use :mod:`chitieu.book.fmt`): a float left
        unformatted here is refused, so ``13.700000001`` or ``nan`` can never reach the page.
    columns : dict
        Column name → Vietnamese header, in display order.

    Every cell and header is HTML-escaped: a name containing ``<script>`` shows as text. Only the columns
    named in ``html_columns`` hold HTML, which must be built by the package with its own escaping (e.g. the
    audit marker of :func:`chitieu.book.audit_view.marker_html`).

    A table of :data:`REFLOW_COLUMNS` columns or more reflows on a phone into one card per row, each value
    beside its column's name: its cells carry that name (``data-label``, read by ``_static/chitieu.css``), so
    that no script has to restyle the page after it has loaded.
    """
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in columns.values())
    body = []
    names = list(columns)
    reflow = len(names) >= REFLOW_COLUMNS
    opening = {col: f'<td data-label="{html.escape(columns[col])}">' if reflow else "<td>" for col in names}
    # Column lists, not iterrows(): a Series per row was most of the time of the long figure tables.
    for values in zip(*(frame[col].tolist() for col in names)) if names else ():
        cells = []
        for col, value in zip(names, values):
            if not isinstance(value, str):
                raise TypeError(f"column {col!r} holds {value!r}: format it as text before display")
            cells.append(f"{opening[col]}{value if col in html_columns else html.escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    classes = f"{css_class} chitieu-table-reflow" if reflow else css_class
    return (
        f'<div class="chitieu-table-wrap"><table class="{classes}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def show_table(frame: pd.DataFrame, columns: dict[str, str], *, summary: str | None = None) -> HTML:
    """An HTML table for a notebook cell; collapsed under ``summary`` when one is given."""
    inner = table_html(frame, columns)
    if summary is not None:
        inner = f'<details class="chitieu-details"><summary>{html.escape(summary)}</summary>{inner}</details>'
    return HTML(inner)


def table_or_note(
    frame: pd.DataFrame,
    columns: dict[str, str],
    *,
    report_year: int,
    caption: str | None = None,
    notice: str | None = None,
) -> HTML:
    """A table of display strings (:func:`table_html`) under an optional ``caption``, or, when ``frame`` has no
    rows, a note saying ``notice`` (default: no figure up to ``report_year``). Every text is escaped."""
    head = f'<p class="chitieu-table-caption"><strong>{html.escape(caption)}</strong></p>' if caption else ""
    if frame.empty:
        text = notice if notice is not None else f"Chưa có số liệu tính đến năm {int(report_year)}."
        return HTML(f'{head}<p class="chitieu-note">{html.escape(text)}</p>')
    return HTML(head + table_html(frame, columns))
