"""Pace towards the 2025 targets: observed pace against the pace still needed, Open SDG style.

Method (modelled on the progress methodology of Open SDG, itself taken from Statistics Canada and
Eurostat: open-sdg/open-sdg, ``docs/progress-methodology.md``):

1. **Observed pace** ``g_obs``: the compound average annual growth of the indicator so far, in percent
   (:func:`chitieu.analysis.formulas.average_annual_growth`) — between the earliest and the latest yearly values of
   the series (:func:`observed_pace_from_levels`), or from a stated ratio to a base year such as "gấp 1,2
   lần so với năm 2020" (:func:`observed_pace_from_ratio`). For an indicator that *is* an average growth
   rate (``tăng 13-15%/năm``), the observed pace is the stated rate itself.
2. **Required pace** ``g_req``: the compound annual growth needed to move from the latest value to the
   binding bound of the target in the years left, ``years_left = target_year − latest_year``
   (:func:`chitieu.analysis.formulas.required_annual_growth`). Open SDG measures the required pace from the base
   year; here it is measured from the latest value, i.e. "the pace needed from now on", which is what the
   report's Part Two asks.
3. **Ratio** ``R = g_obs / g_req`` (:func:`chitieu.analysis.formulas.progress_ratio`). Direction is built in: for an
   indicator where lower is better (poverty) both paces are negative when things go the right way, so
   ``R`` is positive; a poverty rate that rises gives ``R < 0``.
4. **Category** (thresholds of Open SDG):

   ====================  =========================================  =============================
   code                  rule                                       label
   ====================  =========================================  =============================
   ``achieved``          the latest value meets the target          ✔ Đã đạt
   ``on_track``          ``R ≥ 0,95``                               ▲ Đúng hướng, đủ nhanh
   ``slow``              ``0,6 ≤ R < 0,95``                         △ Đúng hướng nhưng chậm
   ``limited``           ``0 < R < 0,6``                            ◔ Tiến triển hạn chế
   ``no_progress``       ``R ≤ 0``                                  ▼ Chưa tiến triển hoặc đi lùi
   ``no_data``           no value, or no observed pace              – Không đủ dữ liệu
   ====================  =========================================  =============================

   One deliberate difference from Open SDG: a pace of exactly zero (``R = 0``) is "no progress" here,
   "limited progress" there.

Three kinds of target are handled (:data:`TARGET_TYPES`):

- ``level``: a value to reach by the target year (income 55–60 triệu đồng, >90% of schools, poverty
  2–2,2%). "Met" uses the rule of :mod:`chitieu.analysis.status` on the latest value.
- ``rate``: the target is itself an average growth rate over the term ("tăng 13-15%/năm"). The required pace
  is, as for a level, the pace needed from now on: the average rate the remaining years of the term need for
  the whole-term average to reach the binding bound (:func:`remaining_rate_for_average`; 13,7%/năm over
  2021–2023 against 14% over 2021–2025 needs 14,5%/năm in 2024–2025), and ``R = observed rate / that rate``.
  When the remaining years are not known, the term's rate itself is the required pace. Such a target is
  judged only at the end of the term, so it is never "achieved" mid-term; a pace already above what the
  remaining years need (a required rate at or below zero) is "on track". This is the one definition of the
  pace still needed that every chapter uses (chapter 2's "needed pace" is this number).
- ``annual``: a flow to reach every year ("hàng năm kết nạp từ 65 - 80 đảng viên", "hàng năm đạt trên
  80 tỷ đồng"). Achieved when every full year so far meets the target; otherwise the latest year decides,
  judged as a level target with one year left.

Everything here is pure: numbers in, numbers out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.analysis.formulas import (
    average_annual_growth,
    progress_ratio,
    remaining_growth_needed,
    required_annual_growth,
)
from chitieu.analysis.status import assess, binding_bounds

ON_TRACK_RATIO = 0.95
"""``R`` at or above this: on track (Open SDG threshold)."""

SLOW_RATIO = 0.60
"""``R`` at or above this (and below :data:`ON_TRACK_RATIO`): moving the right way but too slowly."""

TARGET_TYPES = ("level", "rate", "annual")

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    # code: (icon, Vietnamese words) — the icon and the word always go together, never colour alone.
    "achieved": ("✔", "Đã đạt"),
    "on_track": ("▲", "Đúng hướng, đủ nhanh"),
    "slow": ("△", "Đúng hướng nhưng chậm"),
    "limited": ("◔", "Tiến triển hạn chế"),
    "no_progress": ("▼", "Chưa tiến triển hoặc đi lùi"),
    "no_data": ("–", "Không đủ dữ liệu"),
}

CATEGORY_COLOURS: dict[str, str] = {
    # Okabe–Ito, in the order of CATEGORY_LABELS.
    "achieved": "#009E73",
    "on_track": "#0072B2",
    "slow": "#56B4E9",
    "limited": "#E69F00",
    "no_progress": "#D55E00",
    "no_data": "#999999",
}


def category_label(code: str) -> str:
    """Icon and word of a category: ``"slow"`` → ``"△ Đúng hướng nhưng chậm"``."""
    icon, word = CATEGORY_LABELS[code]
    return f"{icon} {word}"


@dataclass(frozen=True)
class Target:
    """A target as ``data/targets.csv`` states it: ``kind`` and its bounds (None when not used)."""

    kind: str
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Progress:
    """The category and the numbers behind it (paces in percent per year; None when not computed)."""

    code: str
    observed: float | None = None
    required: float | None = None
    ratio: float | None = None
    bound: float | None = None
    remaining_rate: float | None = None

    @property
    def label(self) -> str:
        return category_label(self.code)


def binding_bound(target: Target, higher_is_better: bool | None, latest: float | None = None) -> float:
    """The bound the pace is measured against: the binding bound of :func:`chitieu.analysis.status.binding_bounds`.

    ``at_least`` → ``low``; ``at_most`` → ``high``; ``equals`` → ``low``; ``between`` → ``low`` when higher
    is better, ``high`` when lower is better, and for a neutral indicator, which binds to both, the bound
    nearer to ``latest`` (``low`` when below the range, else ``high``).
    """
    bounds = [float(bound) for bound, _ in binding_bounds(target.kind, target.low, target.high, higher_is_better)]
    if len(bounds) == 1 or (latest is not None and latest < bounds[0]):
        return bounds[0]
    return bounds[-1]


def observed_pace_from_levels(start_value: float, end_value: float, years: float) -> float:
    """Observed pace from two levels of a series: ``((end / start) ** (1 / years) − 1) × 100``.

    Thin wrapper of :func:`chitieu.analysis.formulas.average_annual_growth` (Open SDG's observed CAGR).
    E.g. income 49 (2022) → 51 triệu đồng (2023): 4,08%/năm.
    """
    return average_annual_growth(start_value, end_value, years)


def observed_pace_from_ratio(ratio_to_base: float, years: float) -> float:
    """Observed pace from a stated ratio to a base year: ``(ratio ** (1 / years) − 1) × 100``.

    Reproduces "gấp 1,2 lần so với năm 2020" (P1:B.II:(2)) as a pace: 1,2 over 2020 → 2022 is 9,54%/năm.
    """
    return average_annual_growth(1.0, ratio_to_base, years)


def required_pace(latest: float, bound: float, years_left: float) -> float:
    """Pace needed from ``latest`` to ``bound`` in ``years_left`` years (see
    :func:`chitieu.analysis.formulas.required_annual_growth`). Negative when the target is below the latest value.
    """
    return required_annual_growth(latest, bound, years_left)


def remaining_rate_for_average(observed_rate: float, years_done: int, target_rate: float, years_total: int) -> float:
    """Average rate the remaining years need for the whole-term average rate to equal ``target_rate``.

    ``r = (((1 + T)^N / (1 + o)^n) ** (1 / (N − n)) − 1) × 100`` with rates as fractions
    (:func:`chitieu.analysis.formulas.remaining_growth_needed`, the one formula of it). E.g. 8,5%/năm over
    2021–2023 against 13%/năm over 2021–2025: the last two years need about 20,1%/năm.
    """
    if years_total <= years_done:
        raise ValueError("no years left in the term")
    return remaining_growth_needed(observed_rate, years_done, target_rate, years_total)


def classify_ratio(ratio: float) -> str:
    """Category of a ratio ``R`` (not achieved): ``≥ 0,95`` on_track, ``≥ 0,6`` slow, ``> 0`` limited,
    else no_progress. ``R`` is rounded to 9 decimals first, so that float noise (0,9499999999) does not
    move a ratio that is exactly on a threshold."""
    ratio = round(ratio, 9)
    if ratio >= ON_TRACK_RATIO:
        return "on_track"
    if ratio >= SLOW_RATIO:
        return "slow"
    if ratio > 0:
        return "limited"
    return "no_progress"


def _meets(value: float, qualifier: str, target: Target, higher_is_better: bool | None) -> bool:
    return assess(value, qualifier, target.kind, target.low, target.high, higher_is_better).code == "met"


def assess_level(
    latest: float | None,
    qualifier: str,
    target: Target,
    higher_is_better: bool | None,
    observed: float | None,
    years_left: float,
) -> Progress:
    """Progress of a level target (see the module docstring).

    Parameters
    ----------
    latest, qualifier : the latest value and how it is stated (None: no data).
    target : the target.
    higher_is_better : the indicator's direction (None: neutral).
    observed : observed pace in percent per year (None when it cannot be computed).
    years_left : years from the latest value to the target year (must be positive unless achieved).
    """
    if latest is None:
        return Progress("no_data")
    bound = binding_bound(target, higher_is_better, latest)
    if _meets(latest, qualifier, target, higher_is_better):
        return Progress("achieved", observed=observed, bound=bound)
    if years_left <= 0:
        raise ValueError("the target year has passed: there is no pace left to compute")
    try:
        required = required_pace(latest, bound, years_left)
    except ValueError:  # non-positive level: compound growth undefined
        return Progress("no_data", observed=observed, bound=bound)
    if observed is None:
        return Progress("no_data", required=required, bound=bound)
    if required == 0:  # on the bound but stated "gần"/"dưới": any move the right way will do
        want = 1 if higher_is_better is not False else -1
        code = "on_track" if observed * want > 0 else "no_progress"
        return Progress(code, observed=observed, required=required, bound=bound)
    ratio = progress_ratio(observed, required)
    return Progress(classify_ratio(ratio), observed=observed, required=required, ratio=ratio, bound=bound)


def assess_rate(
    observed_rate: float | None,
    target: Target,
    higher_is_better: bool | None,
    years_done: int | None = None,
    years_total: int | None = None,
) -> Progress:
    """Progress of a target that is itself an average growth rate ("tăng 13-15%/năm").

    The required pace is :func:`remaining_rate_for_average` when ``years_done`` and ``years_total`` are given
    (the pace needed from now on, as for a level target), else the binding bound itself; ``R = observed_rate /
    required``. Never "achieved" before the term ends; a required pace at or below zero (the average is safe
    whatever the remaining years do) is "on track". A bound of zero or below cannot be used as a pace to
    compare with: ``no_data``.
    """
    if observed_rate is None:
        return Progress("no_data")
    bound = binding_bound(target, higher_is_better, observed_rate)
    remaining = None
    if years_done is not None and years_total is not None and years_total > years_done:
        remaining = remaining_rate_for_average(observed_rate, years_done, bound, years_total)
    if bound <= 0:
        return Progress("no_data", observed=observed_rate, bound=bound, remaining_rate=remaining)
    required = bound if remaining is None else remaining
    if higher_is_better is False:
        # A ceiling on a growth rate: staying at or below it is the good side.
        ratio = progress_ratio(observed_rate, required) if required > 0 else None
        code = "on_track" if observed_rate <= bound else classify_ratio(bound / observed_rate)
        return Progress(code, observed_rate, required, ratio, bound, remaining)
    if required <= 0:
        return Progress("on_track", observed_rate, required, None, bound, remaining)
    ratio = progress_ratio(observed_rate, required)
    return Progress(classify_ratio(ratio), observed_rate, required, ratio, bound, remaining)


def assess_annual(
    year_values: Sequence[tuple[float, str]],
    target: Target,
    higher_is_better: bool | None,
    observed: float | None,
) -> Progress:
    """Progress of a target to meet every year: ``year_values`` are the full-year values so far, in time
    order, each with its qualifier.

    Achieved when every year meets the target; otherwise the latest year decides, judged as a level target
    with one year left (:func:`assess_level`).
    """
    if not year_values:
        return Progress("no_data")
    if all(_meets(v, q, target, higher_is_better) for v, q in year_values):
        latest = year_values[-1][0]
        return Progress("achieved", observed=observed, bound=binding_bound(target, higher_is_better, latest))
    latest, qualifier = year_values[-1]
    return assess_level(latest, qualifier, target, higher_is_better, observed, 1)
