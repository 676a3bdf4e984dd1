"""Text cells that a spreadsheet would run as formulas (CSV/formula injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``, ``@SUM(1)``). Following OWASP's
guidance, every published CSV or workbook writes such a cell with a leading apostrophe, which spreadsheets
show as text and do not display; validation refuses them outright in the columns where they cannot belong
(names, descriptions: :data:`FORMULA_PREFIXES`). A plain number (``-1.5``) is left as it is.
"""

from __future__ import annotations

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def starts_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (a plain number is not one)."""
    return bool(text) and text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(text)


def neutralise(value):
    """``value`` as a spreadsheet should receive it: ``'=1+1`` for ``=1+1``; anything else unchanged."""
    if isinstance(value, str) and starts_like_formula(value):
        return "'" + value
    return value
