"""Glue computed text into the prose (myst-nb ``glue``), always as ready-formatted Vietnamese strings.

Gluing the formatted string (not a float) means the page shows exactly what the package computed:
no ``np.float64(…)`` repr, no format spec in the Markdown, no rounding done twice.
"""

from __future__ import annotations

from myst_nb import glue as _myst_glue


class GluedText(str):
    """A string whose ``repr`` is itself, so ``{glue:text}`` shows it without quotes."""

    def __repr__(self) -> str:
        return str(self)


def glue_text(key: str, text: str) -> GluedText:
    """Glue ``text`` under ``key`` (hidden here, shown where the prose cites ``{glue:text}`key```)."""
    if not isinstance(text, str):
        raise TypeError(f"glue {key!r}: format {text!r} as Vietnamese text first (chitieu.fmt)")
    value = GluedText(text)
    _myst_glue(key, value, display=False)
    return value
