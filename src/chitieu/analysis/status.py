"""Status of a value against a target, by one written-down rule.

Rule (applied to the stated value ``v`` with its qualifier, the target bounds and the indicator's
direction):

1. The binding bound is ``low`` for ``at_least``; ``high`` for ``at_most``; for ``between`` it is ``low``
   when higher is better, ``high`` when lower is better, and both when the direction is neutral;
   ``equals`` binds to ``low`` (= ``high``) from the side the direction prefers.
2. **Đạt (met)**: ``v`` is on the good side of the binding bound or on it. A value written "trên 93%"
   (more_than) or "từ … trở lên" equal to the bound counts as met; one written "gần"/"dưới" equal to the
   bound does not.
3. **Gần đạt (nearly met)**: not met, and the shortfall is at most ``NEAR_TOLERANCE`` (5%) of the bound:
   ``|v − bound| / |bound| ≤ 0.05``.
4. **Chưa đạt (not met)**: otherwise.
5. **Chưa có mức chỉ tiêu**: the report states no target figure; **Chưa có số liệu**: no value for the year.

The report's own assessment uses unstated judgement; the audit chapter shows where the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.data.contract import REPORT_STATUSES

NEAR_TOLERANCE = 0.05

STATUS_LABELS: dict[str, tuple[str, str]] = {
    # code: (icon, Vietnamese word)
    "met": ("✔", "Đạt"),
    "nearly_met": ("◐", "Gần đạt"),
    "not_met": ("✘", "Chưa đạt"),
    "no_target": ("○", "Chưa có mức chỉ tiêu"),
    "no_data": ("–", "Chưa có số liệu"),
}

REPORT_STATUS_VI: dict[str, str] = {**REPORT_STATUSES, "unknown": "không rõ"}
"""The report's own verdict (``report_assessment.csv``) in words, as the contract labels it (``"gần đạt"``);
``unknown`` when the report gives none."""


@dataclass(frozen=True)
class Assessment:
    """The computed status and the numbers behind it."""

    code: str
    bound: float | None = None
    shortfall_share: float | None = None

    @property
    def label(self) -> str:
        """Icon and word, never colour alone: ``"✔ Đạt"``."""
        icon, word = STATUS_LABELS[self.code]
        return f"{icon} {word}"


def _meets(value: float, qualifier: str, bound: float, want_higher: bool) -> bool:
    if value == bound:
        if want_higher:
            return qualifier not in ("nearly", "less_than")
        return qualifier not in ("more_than",)
    return value > bound if want_higher else value < bound


def binding_bounds(
    kind: str, low: float | None, high: float | None, higher_is_better: bool | None
) -> list[tuple[float, bool]]:
    """The bound(s) a target binds to, rule 1 of this module: ``(bound, want_higher)`` pairs, where
    ``want_higher`` says the good side is at or above the bound.

    One pair, except for a neutral indicator's ``between`` (``low`` from above and ``high`` from below) and
    ``equals`` (``low`` from both sides).

    Raises
    ------
    ValueError
        For a target kind that is not one of :data:`chitieu.data.contract.TARGET_KINDS`.
    """
    if kind == "at_least":
        return [(low, True)]
    if kind == "at_most":
        return [(high, False)]
    if kind == "between":
        if higher_is_better is True:
            return [(low, True)]
        if higher_is_better is False:
            return [(high, False)]
        return [(low, True), (high, False)]
    if kind == "equals":
        if higher_is_better is False:
            return [(low, False)]
        if higher_is_better is True:
            return [(low, True)]
        return [(low, True), (low, False)]
    raise ValueError(f"unknown target kind {kind!r}")


def assess(
    value: float | None,
    qualifier: str,
    kind: str | None,
    low: float | None,
    high: float | None,
    higher_is_better: bool | None,
) -> Assessment:
    """Assess one value against one target with the rule of this module.

    Parameters
    ----------
    value : float or None
        The stated value (None when there is no data for the year).
    qualifier : str
        How the value is stated (``exact``, ``more_than``, ``nearly`` …).
    kind, low, high : target kind and bounds (``kind`` None when the report states no target).
    higher_is_better : bool or None
        The indicator's direction; None for neutral.
    """
    if value is None:
        return Assessment("no_data")
    if kind is None:
        return Assessment("no_target")
    checks = binding_bounds(kind, low, high, higher_is_better)
    for bound, want_higher in checks:
        if not _meets(value, qualifier, bound, want_higher):
            shortfall = abs(value - bound) / abs(bound) if bound else float("inf")
            code = "nearly_met" if shortfall <= NEAR_TOLERANCE else "not_met"
            return Assessment(code, bound, shortfall)
    return Assessment("met", checks[0][0], 0.0)


def status_word(code: str) -> str:
    """The Vietnamese word of a status, lower case for prose: ``"met"`` → ``"đạt"``.

    Raises
    ------
    KeyError
        If ``code`` is not a status of :data:`STATUS_LABELS`.
    """
    return STATUS_LABELS[code][1].lower()
