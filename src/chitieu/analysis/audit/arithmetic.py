"""Evaluators of the arithmetic relations: a stated value against a formula of other stated values.

``sum`` (the parts add up to the total, signed parts allowed), ``share_sum`` (shares add up to 100%),
``percent`` (``a / b × 100``), ``ratio`` (``a / b``), ``average`` (``total / n``), ``growth`` (compound
annual growth between two levels), ``growth_series_sum`` (the total the last year and the rate imply),
``difference`` (``a − b``) and ``weighted_average``. Each computes its formula at the stated values and over
their intervals (:func:`chitieu.analysis.audit.intervals.corner_range`); one shared tail compares the
stated value with it (:func:`chitieu.analysis.audit.intervals.compare`) and words the steps.
"""

from __future__ import annotations

import functools
import math

from chitieu.analysis.audit.evidence import Evidence, finish, gap_with_unit, unverifiable, verdict, with_unit
from chitieu.analysis.audit.intervals import Value, compare, corner_range, exact_value
from chitieu.analysis.audit.numbers import number_csv, number_vi, spread_vi
from chitieu.analysis.audit.results import Result
from chitieu.data.checks import Check
from chitieu.data.vnnum import natural_decimals


def _unless_an_input_is_missing(evaluate):
    """An evaluator of a kind whose input the report may leave out (``missing_vi``, kinds of
    :data:`chitieu.data.checks.MISSING_OK`): then the check is unverifiable, and says which input is missing."""

    @functools.wraps(evaluate)
    def evaluator(check: Check, ev: Evidence) -> Result:
        if "missing_vi" in check.params:
            reason = f"báo cáo không nêu {check.params['missing_vi']}"
            return unverifiable(check, ev, reason, number_csv(ev.value(check.obs_ids[0]).v))
        return evaluate(check, ev)

    return evaluator


def _decimals_of(ev: Evidence, values: list[Value]) -> int:
    return max([ev.decimals(v.obs_id) for v in values if v.obs_id] or [0])


def _place_words(decimals: int) -> str:
    """How a number is rounded, in words: 0 → "hàng đơn vị", 2 → "2 chữ số thập phân"."""
    return "hàng đơn vị" if decimals <= 0 else f"{decimals} chữ số thập phân"


def tolerance_words(stated: Value, inputs: list[Value], tol: float | None, unit: str = "") -> tuple[str, str]:
    """The tolerance with its unit (:func:`~chitieu.analysis.audit.evidence.gap_with_unit`), short (for the
    message) and in words (for the steps): ``("±0,005 điểm phần trăm", "±0,005 điểm phần trăm: nửa đơn vị ở
    chữ số cuối …")``, ``("0", "0: các số đếm …")``, or, when a figure is only a bound, which one and why the
    tolerance has no limit on one side."""
    if tol is None:
        bounds = [v.text for v in (stated, *inputs) if math.isinf(v.lo) or math.isinf(v.hi)]
        return (
            "không giới hạn về một phía",
            f"không giới hạn về một phía, vì {', '.join(bounds)} chỉ là một cận, không phải một con số đúng",
        )
    if tol == 0:
        return "0", "0: các số đếm từng cái là số chính xác"
    loose = [v.text for v in (stated, *inputs) if not v.exact]
    why = (
        f"nửa đơn vị ở chữ số cuối được ghi, nới rộng vì {', '.join(loose)} là số ước lượng"
        if loose
        else "nửa đơn vị ở chữ số cuối của mỗi số được ghi, cộng dồn qua phép tính"
    )
    short = gap_with_unit(f"±{spread_vi(tol)}", unit)
    return short, f"{short}: {why}"


def _gap_vi(gap: float, decimals: int, unit: str = "") -> str:
    return "0" if gap == 0 else gap_with_unit(number_vi(gap, decimals), unit)


def _equality(
    check: Check,
    ev: Evidence,
    stated: Value,
    func,
    inputs: list[Value],
    expr: str,
    what: str,
    force_approx: bool = False,
    steps: list[str] | None = None,
    unit: str | None = None,
    assumption: str = "",
) -> Result:
    """Shared tail of every kind that compares a stated value with a formula of other stated values.

    The arithmetic is shown at the precision the report writes: the computed value, then (when it has more
    digits) the same value rounded as the stated one is, and the difference at that precision. ``assumption``
    names what the formula assumes beyond the stated figures (a steady growth path, proxy weights): a
    relation that rests on one is never ``fail`` but ``implausible`` when the intervals do not meet.
    """
    computed = func(*[x.v for x in inputs])
    c_lo, c_hi = corner_range(func, inputs)
    all_exact = stated.exact and all(x.exact for x in inputs) and not force_approx
    status, diff, tol = compare(stated, computed, c_lo, c_hi, all_exact)
    if status == "fail" and assumption:
        status = "implausible"
    unit = unit if unit is not None else (ev.unit(stated.obs_id) if stated.obs_id else "")
    d = ev.decimals(stated.obs_id) if stated.obs_id else natural_decimals(stated.v, 2)
    # The computed value to two more digits than the stated one (so the reader sees the rounding), then at
    # the stated precision, which the difference is taken at.
    full = number_vi(computed, max(natural_decimals(computed, d + 2), _decimals_of(ev, inputs), d))
    at_precision = number_vi(round(computed, d), d)
    stated_number = number_vi(stated.v, d)
    gap = round(round(computed, d) - round(stated.v, d), d)
    shown = with_unit(at_precision, unit)
    tol_short, tol_text = tolerance_words(stated, inputs, tol, unit)
    steps = list(steps or [])
    if not math.isclose(computed, round(computed, d), rel_tol=0, abs_tol=1e-9):
        steps.append(
            f"Tính lại: {expr} = {with_unit(full, unit)}, làm tròn đến {_place_words(d)} như số báo cáo ghi: {shown}."
        )
    else:
        steps.append(f"Tính lại: {expr} = {shown}.")
    steps += [
        f"Báo cáo ghi: {stated.text}.",
        f"Chênh lệch ở độ chính xác báo cáo ghi: {at_precision} − {stated_number} = {_gap_vi(gap, d, unit)}; "
        f"sai số cho phép do cách ghi số: {tol_text}.",
    ]
    if status == "fail":
        relation = f"{expr} = {shown} ≠ {stated.text}"
        steps.append(f"Kết luận: {relation} — các con số này không thể cùng đúng ở độ chính xác đã ghi.")
    elif status == "implausible":
        relation = f"{expr} = {shown} ≠ {stated.text}"
        steps.append(
            f"Kết luận: {relation}, nhưng chỉ khi {assumption}; không có giả định ấy thì các con số vẫn có thể "
            "cùng đúng — khó tin nhưng không phải là sai."
        )
    elif status == "rounding":
        relation = f"{expr} = {shown} ≈ {stated.text}"
        steps.append(f"Kết luận: {shown} ≈ {stated.text} — chỉ khớp khi tính đến làm tròn hoặc cách ghi ước lượng.")
    else:
        relation = f"{expr} = {stated.text}"
        steps.append(f"Kết luận: {relation} — khớp đúng.")
    message = f"{what}: {relation} — {verdict(status, assumption)}"
    if status in ("fail", "rounding"):
        message += f" (chênh {_gap_vi(gap, d, unit)}, sai số cho phép {tol_short})"
    res = Result(
        check,
        status,
        number_csv(stated.v),
        number_csv(computed),
        number_csv(diff),
        number_csv(tol) if tol is not None else "",
        message + ".",
        steps,
        stated_vi=stated.text,
        computed_vi=shown,
        tolerance_vi=tol_short,
        reason=assumption if status == "implausible" else "",
    )
    return finish(res, check, ev)


def _eval_sum(check: Check, ev: Evidence) -> Result:
    total = ev.value(check.obs[0][1])
    parts = [(sign, ev.value(oid)) for sign, oid in check.obs[1:]]
    signs = [s for s, _ in parts]
    expr = ""
    for i, (sign, val) in enumerate(parts):
        text = number_vi(val.v, ev.decimals(val.obs_id))
        expr += (text if sign > 0 else f"−{text}") if i == 0 else (f" + {text}" if sign > 0 else f" − {text}")
    steps = [
        "Các phần: " + "; ".join(f"{'trừ ' if s < 0 else ''}{ev.label(v.obs_id)}: {v.text}" for s, v in parts) + "."
    ]
    return _equality(
        check,
        ev,
        total,
        lambda *xs: sum(s * x for s, x in zip(signs, xs)),
        [v for _, v in parts],
        expr,
        check.description_vi,
        steps=steps,
    )


def _eval_share_sum(check: Check, ev: Evidence) -> Result:
    total = exact_value(float(check.params.get("total", "100")))
    total.text = f"{number_vi(total.v)}%"
    parts = [ev.value(oid) for oid in check.obs_ids]
    expr = " + ".join(f"{number_vi(v.v, ev.decimals(v.obs_id))}%" for v in parts)
    steps = [
        "Các tỷ trọng: " + "; ".join(f"{ev.label(v.obs_id)}: {v.text}" for v in parts) + ".",
        f"Các tỷ trọng của một tổng phải cộng lại bằng {total.text}.",
    ]
    return _equality(
        check, ev, total, lambda *xs: sum(xs), parts, expr, check.description_vi, steps=steps, unit="percent"
    )


@_unless_an_input_is_missing
def _eval_percent(check: Check, ev: Evidence) -> Result:
    pct, num, den = (ev.value(oid) for oid in check.obs_ids)
    num_text = number_vi(num.v, ev.decimals(num.obs_id))
    den_text = number_vi(den.v, ev.decimals(den.obs_id))
    expr = f"{num_text} / {den_text} × 100"
    steps = [f"Tử số: {ev.label(num.obs_id)}: {num.text}; mẫu số: {ev.label(den.obs_id)}: {den.text}."]
    return _equality(
        check, ev, pct, lambda a, b: a / b * 100.0, [num, den], expr + " (%)", check.description_vi, steps=steps
    )


@_unless_an_input_is_missing
def _eval_ratio(check: Check, ev: Evidence) -> Result:
    stated, num, den = (ev.value(oid) for oid in check.obs_ids)
    expr = f"{number_vi(num.v)} / {number_vi(den.v)}"
    return _equality(check, ev, stated, lambda a, b: a / b, [num, den], expr, check.description_vi)


def _eval_average(check: Check, ev: Evidence) -> Result:
    stated, total = (ev.value(oid) for oid in check.obs_ids)
    n = int(check.params["n"])
    expr = f"{number_vi(total.v, ev.decimals(total.obs_id))} / {n}"
    steps = [f"Tổng của giai đoạn: {ev.label(total.obs_id)}: {total.text}; số năm: {n}."]
    return _equality(check, ev, stated, lambda t: t / n, [total], expr, check.description_vi, steps=steps)


@_unless_an_input_is_missing
def _eval_growth(check: Check, ev: Evidence) -> Result:
    rate, start, end = (ev.value(oid) for oid in check.obs_ids)
    years = int(check.params["years"])

    def cagr(a, b):
        if a <= 0 or b <= 0:
            return math.nan
        return ((b / a) ** (1.0 / years) - 1.0) * 100.0

    expr = (
        f"(({number_vi(end.v)} / {number_vi(start.v)})^(1/{years}) − 1) × 100"
        if years > 1
        else f"({number_vi(end.v)} / {number_vi(start.v)} − 1) × 100"
    )
    return _equality(check, ev, rate, cagr, [start, end], expr + " (%)", check.description_vi)


STEADY_PATH = (
    "mỗi năm đều tăng đúng bằng tốc độ bình quân; báo cáo không nêu số từng năm, và một đường tăng không đều "
    "vẫn cho cùng tổng và cùng tốc độ bình quân"
)
"""What a total implied by a growth rate assumes: ``growth_series_sum`` is never ``fail``, at worst ``implausible``."""

PROXY_WEIGHTS = (
    "các trọng số là tỷ trọng trong cơ cấu kinh tế, chỉ gần đúng với tỷ trọng giá trị sản xuất theo giá so "
    "sánh mà phép tính cần"
)
"""What a weighted average with ``approx=true`` assumes: it is never ``fail``, at worst ``implausible``."""


def _eval_growth_series_sum(check: Check, ev: Evidence) -> Result:
    total, last, rate = (ev.value(oid) for oid in check.obs_ids)
    years = int(check.params["years"])

    def implied(x, g):
        return sum(x / (1.0 + g / 100.0) ** k for k in range(years))

    terms = " + ".join(
        f"{number_vi(last.v)}/{number_vi(1 + rate.v / 100, 3)}^{k}" if k else number_vi(last.v) for k in range(years)
    )
    steps = [
        f"Giá trị năm cuối: {ev.label(last.obs_id)}: {last.text}; tốc độ tăng bình quân: {rate.text}/năm.",
        "Nếu mỗi năm tăng đúng tốc độ ấy thì các năm trước là năm cuối chia cho (1 + tốc độ) lũy thừa số năm lùi lại: "
        + "; ".join(f"năm thứ {years - k}: {number_vi(last.v / (1 + rate.v / 100) ** k)}" for k in range(years))
        + ".",
    ]
    return _equality(
        check,
        ev,
        total,
        implied,
        [last, rate],
        terms,
        check.description_vi,
        steps=steps,
        assumption=STEADY_PATH,
    )


@_unless_an_input_is_missing
def _eval_difference(check: Check, ev: Evidence) -> Result:
    stated, start, end = (ev.value(oid) for oid in check.obs_ids)
    return _equality(
        check,
        ev,
        stated,
        lambda a, b: a - b,
        [start, end],
        f"{number_vi(start.v)} − {number_vi(end.v)}",
        check.description_vi,
    )


def _eval_weighted_average(check: Check, ev: Evidence) -> Result:
    """``overall = Σ vᵢ wᵢ / Σ wᵢ``; with ``rest_weight=true`` the last value weighs ``100 − Σ wᵢ``.

    With ``end_shares=true`` the values are average growth rates over the check's period and the weights are
    the parts' shares at its end: the weights of the base year are the end shares deflated by each part's
    growth, and the overall rate is the growth of the total, ``G = (Σ wᵢ / Σ wᵢ/(1 + gᵢ)ⁿ)^(1/n) − 1`` with
    ``n`` the years of the period (the production value of 2023 split 55 / 37,5 / 7,5 between industry,
    services and agriculture, grown at 15,4 / 13,6 / 2,9 %/năm over 2021–2023).
    """
    stated = ev.value(check.obs_ids[0])
    rest = check.params.get("rest_weight") == "true"
    end_shares = check.params.get("end_shares") == "true"
    approx = check.params.get("approx") == "true"
    ids = check.obs_ids[1:]
    pairs = [(ev.value(ids[i]), ev.value(ids[i + 1])) for i in range(0, len(ids) - (1 if rest else 0), 2)]
    last = ev.value(ids[-1]) if rest else None
    inputs = [x for pair in pairs for x in pair] + ([last] if rest else [])
    row = ev.obs.loc[check.obs_ids[0]]
    years = int(row["end_year"]) - int(row["start_year"]) + 1

    def weights_values(xs):
        out = [(xs[2 * i], xs[2 * i + 1]) for i in range(len(pairs))]
        if rest:
            out.append((xs[-1], 100.0 - sum(w for _, w in out)))
        return out

    def wavg(*xs):
        pairs_now = weights_values(xs)
        if end_shares:
            base = sum(w / (1.0 + g / 100.0) ** years for g, w in pairs_now)
            return ((sum(w for _, w in pairs_now) / base) ** (1.0 / years) - 1.0) * 100.0
        return sum(v * w for v, w in pairs_now) / sum(w for _, w in pairs_now)

    if end_shares:
        expr = (
            f"((Σ tỷ trọng) / (Σ tỷ trọng / (1 + tốc độ)^{years}))^(1/{years}) − 1 = "
            + "(("
            + " + ".join(number_vi(w.v) for _, w in pairs)
            + ") / ("
            + " + ".join(f"{number_vi(w.v)}/{number_vi(1 + v.v / 100, 3)}^{years}" for v, w in pairs)
            + f"))^(1/{years}) − 1"
        )
    else:
        expr = " + ".join(f"{number_vi(v.v)} × {number_vi(w.v)}%" for v, w in pairs)
        if rest:
            expr += f" + {number_vi(last.v)} × (100 − {' − '.join(number_vi(w.v) for _, w in pairs)})%"
        expr = f"({expr})" + ("" if rest else f" / {number_vi(sum(w.v for _, w in pairs))}%")
    steps = [
        "Các thành phần và trọng số: "
        + "; ".join(f"{ev.label(v.obs_id)}: {v.text} (trọng số {ev.label(w.obs_id)}: {w.text})" for v, w in pairs)
        + (f"; {ev.label(last.obs_id)}: {last.text} (trọng số phần còn lại)" if rest else "")
        + "."
    ]
    if end_shares:
        base = [w.v / (1 + v.v / 100) ** years for v, w in pairs]
        steps.append(
            "Tỷ trọng là của cuối kỳ; trọng số năm gốc suy ngược bằng cách chia mỗi tỷ trọng cho "
            f"(1 + tốc độ)^{years}: "
            + "; ".join(f"{number_vi(b / sum(base) * 100, 1)}%" for b in base)
            + " (tổng của năm gốc bằng "
            + number_vi(sum(base), 2)
            + " nếu cuối kỳ là 100)."
        )
    if approx:
        steps.append(
            "Trọng số chỉ gần đúng (" + PROXY_WEIGHTS + "), nên phép kiểm tra này nhiều nhất là khớp khi làm tròn, "
            "và khi không khớp thì chỉ là khó tin chứ chưa phải sai."
        )
    return _equality(
        check,
        ev,
        stated,
        wavg,
        inputs,
        expr,
        check.description_vi,
        force_approx=approx,
        steps=steps,
        assumption=PROXY_WEIGHTS if approx else "",
    )


EVALUATORS = {
    "sum": _eval_sum,
    "percent": _eval_percent,
    "average": _eval_average,
    "growth": _eval_growth,
    "growth_series_sum": _eval_growth_series_sum,
    "ratio": _eval_ratio,
    "difference": _eval_difference,
    "share_sum": _eval_share_sum,
    "weighted_average": _eval_weighted_average,
}
"""Kind → evaluator ``(check, evidence) → Result`` of the arithmetic relations."""
