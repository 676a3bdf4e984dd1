"""Vietnamese numbers: read them as the report writes them, write them as readers expect.

The report groups thousands with ``.`` and marks decimals with ``,`` (``7.943`` is seven thousand nine
hundred and forty-three; ``206,472`` is two hundred and six point four seven two). The data files store
numbers the machine way (``7943``, ``206.472``); the book prints them the Vietnamese way again
(``1.234,5``), with Babel's ``vi_VN`` locale.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import format_decimal

# A number as the report writes it: grouped thousands with optional decimals, or plain digits with
# optional decimals. Superscript footnote markers (¹²³) are not decimal digits, so \d skips them.
_VN_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
VN_NUMBER_RE = re.compile(rf"(?<![\d.,])(?:{_VN_NUMBER})(?![\d])")
_VN_NUMBER_FULL = re.compile(rf"(?:{_VN_NUMBER})")
_MACHINE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: where it is, how it is written and what it means."""

    start: int
    end: int
    text: str
    value: Decimal


def parse_vn_number(text: str) -> Decimal:
    """Read a number written the Vietnamese way.

    ``.`` groups thousands (always by three digits) and ``,`` is the decimal mark.

    Parameters
    ----------
    text : str
        The number as written, e.g. ``"7.943"``, ``"206,472"``, ``"18.290,7"``, ``"03"``.

    Returns
    -------
    Decimal
        The exact value (``Decimal("7943")``, ``Decimal("206.472")``, ``Decimal("18290.7")``, ``3``).

    Raises
    ------
    ValueError
        If ``text`` is not a number in that notation (e.g. ``"7.94"``, ``"1,234.5"``, ``"abc"``).
    """
    stripped = text.strip()
    if not _VN_NUMBER_FULL.fullmatch(stripped):
        raise ValueError(f"not a Vietnamese-written number: {text!r}")
    return Decimal(stripped.replace(".", "").replace(",", "."))


def find_numbers(text: str) -> list[NumberMatch]:
    """Find every number written in ``text``, the Vietnamese way, with its position.

    Digits glued to letters on the left (``QL1A``, ``UBTVQH14``) are found too only when the run of
    digits starts the token; classification of what a number *is* belongs to :mod:`chitieu.analysis.coverage`.
    """
    return [
        NumberMatch(m.start(), m.end(), m.group(0), parse_vn_number(m.group(0))) for m in VN_NUMBER_RE.finditer(text)
    ]


def parse_machine_number(text: str) -> Decimal:
    """Read a number as the data files store it: ``-12.5``, ``7943`` (point decimal, no grouping).

    Raises
    ------
    ValueError
        For anything else, including ``"13,7"`` (decimal comma) and ``"1 234"``.
    """
    stripped = text.strip()
    if not _MACHINE_NUMBER.fullmatch(stripped):
        raise ValueError(f"not a number with a decimal point and no grouping: {text!r}")
    try:
        return Decimal(stripped)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise ValueError(f"not a number: {text!r}") from exc


def decimals_in(text: str) -> int:
    """Number of digits after the decimal point in a machine-written number (``"81.60"`` → 2)."""
    stripped = text.strip()
    return len(stripped.split(".", 1)[1]) if "." in stripped else 0


def round_half_up(value: float | Decimal, decimals: int) -> Decimal:
    """Round once, half away from zero, so that text and chart show the same digits.

    Babel and JavaScript round halves differently; rounding here first makes both agree.
    """
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def natural_decimals(value: float, max_decimals: int = 3) -> int:
    """Fewest decimals that write ``value`` exactly, up to ``max_decimals`` (2.2 → 1, 14.0 → 0)."""
    for decimals in range(max_decimals + 1):
        if math.isclose(round(value, decimals), value, rel_tol=0, abs_tol=1e-9):
            return decimals
    return max_decimals


def format_vn(value: float | Decimal | int, decimals: int = 0) -> str:
    """Write a number the Vietnamese way: ``1234.5`` → ``"1.234,5"``.

    Parameters
    ----------
    value : float, Decimal or int
        The number. NaN or None is refused: a missing figure must never print as ``nan``.
    decimals : int
        Digits after the decimal comma, kept even when zero (``81.6`` with 2 → ``"81,60"``).
    """
    if value is None or (isinstance(value, float) and value != value):
        raise ValueError("cannot format a missing value")
    rounded = round_half_up(value, decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(rounded, format=pattern, locale="vi_VN", decimal_quantization=True)


def format_percent(value: float | Decimal, decimals: int = 1) -> str:
    """``13.7`` → ``"13,7%"`` (the report's way: no space before %)."""
    return f"{format_vn(value, decimals)}%"
