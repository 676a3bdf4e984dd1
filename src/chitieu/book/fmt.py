"""How figures read in the book: Vietnamese numbers, units, qualifiers, periods and source references."""

from __future__ import annotations

import functools

from chitieu.data.contract import QUALIFIERS, STATUSES, UNITS

# Written once in the data layer (the analysis words its findings with them too); the chapters find them here.
from chitieu.data.periods import format_period as format_period
from chitieu.data.sourceref import format_source_ref as format_source_ref
from chitieu.data.vnnum import format_vn
from chitieu.data.vnnum import natural_decimals as natural_decimals

WHOLE_AREA_VI = "Toàn thị xã"
"""What a figure without a locality (blank ``locality``) covers: the whole town, as a label. Inside a sentence
use :func:`lower_first` (``"toàn thị xã"``)."""


@functools.lru_cache(maxsize=65536)
def format_value(value: float, unit: str, decimals: int | None = None) -> str:
    """A number with its unit, the Vietnamese way: ``13.7, percent`` → ``"13,7%"``, ``7943`` → ``"7.943 tỷ đồng"``."""
    if decimals is None:
        decimals = natural_decimals(value)
    number = format_vn(value, decimals)
    label = UNITS[unit]
    if unit in ("percent", "percent_of_plan"):
        return f"{number}{label}"
    return f"{number} {label}".strip()


@functools.lru_cache(maxsize=65536)
def format_observation(value: float, unit: str, qualifier: str = "exact", decimals: int | None = None) -> str:
    """A stated value as the report would say it: ``"trên 49 triệu đồng"``, ``"khoảng 5.400 tỷ đồng"``."""
    words = QUALIFIERS[qualifier]
    text = format_value(value, unit, decimals)
    return f"{words} {text}" if words else text


def format_target(kind: str | None, low: float | None, high: float | None, unit: str) -> str:
    """A target in words: ``between 14 15`` → ``"14–15%"``, ``at_least 90`` → ``"từ 90% trở lên"``."""
    if kind is None:
        return "—"
    if kind == "between":
        lo = format_vn(low, natural_decimals(low))
        return f"{lo}–{format_value(high, unit)}"
    if kind == "at_least":
        if unit == "percent" and low == 100:
            return format_value(low, unit)
        return f"từ {format_value(low, unit)} trở lên"
    if kind == "at_most":
        return f"không quá {format_value(high, unit)}"
    if kind == "equals":
        return format_value(low, unit)
    raise ValueError(f"unknown target kind {kind!r}")


@functools.lru_cache(maxsize=65536)
def format_status(status: str) -> str:
    """``"estimate"`` → ``"ước tính"``."""
    return STATUSES[status]


def join_vi(items: list[str]) -> str:
    """Join items the Vietnamese way: ``["1", "2", "5"]`` → ``"1, 2 và 5"``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " và " + items[-1]


def format_percent(value: float, decimals: int = 1) -> str:
    """A computed percentage the Vietnamese way: ``14.452`` → ``"14,5%"`` (``decimals`` fixed)."""
    return f"{format_vn(value, decimals)}%"


def lower_first(text: str) -> str:
    """Lower-case the first letter of a label used inside a sentence, unless the word is an abbreviation
    (``"Chi bộ"`` → ``"chi bộ"``, ``"UBKT"`` stays)."""
    if len(text) > 1 and text[1].islower():
        return text[:1].lower() + text[1:]
    return text
