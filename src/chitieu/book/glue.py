"""Glue computed text into the prose (myst-nb ``glue``), always as ready-formatted Vietnamese strings.

Gluing the formatted string (not a float) means the page shows exactly what the package computed:
no ``np.float64(…)`` repr, no format spec in the Markdown, no rounding done twice.

The string is glued with its ordinary (quoted) ``repr``: myst-nb passes the glued ``text/plain`` through
``ast.literal_eval`` before showing it, which turns a quoted string back into itself but would read an
unquoted ``81,58`` as the tuple ``(81, 58)`` and ``1.230`` as the float ``1.23``.
"""

from __future__ import annotations

from myst_nb import glue as _myst_glue


def glue_text(key: str, text: str) -> str:
    """Glue ``text`` under ``key`` (hidden here, shown where the prose cites ``{glue:text}`key```)."""
    if not isinstance(text, str):
        raise TypeError(f"glue {key!r}: format {text!r} as Vietnamese text first (chitieu.book.fmt)")
    value = str(text)
    _myst_glue(key, value, display=False)
    return value
