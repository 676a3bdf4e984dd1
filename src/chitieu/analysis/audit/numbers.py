"""How the audit writes numbers: the Vietnamese way for readers, the machine way for ``audit.csv``."""

from __future__ import annotations

import math

from chitieu.data.vnnum import format_vn, natural_decimals


def number_vi(x: float | None, decimals: int | None = None) -> str:
    """A number for the text, the Vietnamese way (natural decimals, at most 2 for computed values)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if decimals is None:
        decimals = natural_decimals(x, 2)
    text = format_vn(x, decimals)
    return text.replace("-", "−", 1) if text.startswith("-") else text


def spread_vi(x: float | None) -> str:
    """A difference or tolerance: enough decimals to show its size (0,005; 0,33; 194,92)."""
    if x is None:
        return "—"
    if x == 0 or not math.isfinite(x):
        return number_vi(x, 0) if math.isfinite(x) else number_vi(x)
    decimals = max(0, min(4, 2 - math.floor(math.log10(abs(x))))) if abs(x) < 1 else 2
    return number_vi(x, natural_decimals(round(x, decimals), decimals))


def number_csv(x: float | None, decimals: int = 6) -> str:
    """A number for ``audit.csv``: point decimal, at most ``decimals`` digits, blank when missing or infinite."""
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return ""
    out = f"{round(x, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out
