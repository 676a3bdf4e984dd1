"""HTML tables for the book: every text escaped, numbers already written the Vietnamese way."""

from __future__ import annotations

import hashlib
import html
import re

import pandas as pd
from IPython.display import HTML

REFLOW_COLUMNS = 4
# Must match the card layout's media query in _static/chitieu.css.
REFLOW_MEDIA = "(max-width: 600px)"
_CSS_UNSAFE = re.compile(r'["\\<>&\n\r]')


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
    beside its column's name (``_static/chitieu.css``). The names come from a ``<style>`` before the table,
    one rule per column (:func:`reflow_labels_css`), not from an attribute on every cell: on the audit
    chapter's figures table that attribute alone was a fifth of the page. No script restyles the page after
    it has loaded.
    """
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in columns.values())
    body = []
    names = list(columns)
    reflow = len(names) >= REFLOW_COLUMNS
    # Column lists, not iterrows(): a Series per row was most of the time of the long figure tables.
    for values in zip(*(frame[col].tolist() for col in names)) if names else ():
        cells = []
        for col, value in zip(names, values):
            if not isinstance(value, str):
                raise TypeError(f"column {col!r} holds {value!r}: format it as text before display")
            cells.append(f"<td>{value if col in html_columns else html.escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    labels = list(columns.values())
    style, classes = "", css_class
    if reflow:
        name = reflow_class(labels)
        style, classes = f"<style>{reflow_labels_css(name, labels)}</style>", f"{css_class} chitieu-table-reflow {name}"
    return (
        f'{style}<div class="chitieu-table-wrap"><table class="{classes}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def reflow_class(labels: list[str]) -> str:
    """A class naming a table's column headers (two tables with the same headers share it)."""
    return "chitieu-cols-" + hashlib.sha256("\x1f".join(labels).encode()).hexdigest()[:10]


def _css_string(text: str) -> str:
    # A CSS escape for what could end the string or the <style> element ("</style>" in a header stays text).
    return '"' + _CSS_UNSAFE.sub(lambda m: f"\\{ord(m.group(0)):x} ", text) + '"'


def reflow_labels_css(name: str, labels: list[str]) -> str:
    """The card layout's labels of table class ``name``: the *k*-th cell of a row shows the *k*-th header.

    ``.x td:nth-child(2)::before { content: "Chỉ tiêu" }`` inside :data:`REFLOW_MEDIA`; the rest of the card
    layout is in ``_static/chitieu.css``.
    """
    rules = "".join(
        f"table.{name} td:nth-child({k})::before{{content:{_css_string(label)}}}" for k, label in enumerate(labels, 1)
    )
    return f"@media {REFLOW_MEDIA}{{{rules}}}"


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
