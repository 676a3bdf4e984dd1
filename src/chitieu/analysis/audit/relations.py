"""Evaluators of the other relations: order, counts, and what cannot be computed.

``same_quantity`` (a figure stated twice agrees with itself), ``part_of`` (a part does not exceed its
whole), ``in_range`` (a figure lies within stated bounds), ``trend`` (a series rises or falls as claimed),
``maximum`` (a figure is the highest of the series), ``count_list`` (a count equals the items listed) and
``qualitative`` (recorded, never computable). Order relations ``pass`` when they hold for every point
of the intervals, are ``rounding`` when they hold only for some and ``fail`` when they hold for none.
"""

from __future__ import annotations

import math

import pandas as pd

from chitieu.analysis.audit.evidence import Evidence, finish, gap_with_unit, unverifiable, verdict, with_unit
from chitieu.analysis.audit.intervals import EPS, Value, exact_value, half_unit
from chitieu.analysis.audit.numbers import number_csv, number_vi
from chitieu.analysis.audit.results import Result, worst_status
from chitieu.analysis.status import binding_bounds
from chitieu.data.checks import Check


def _eval_same_quantity(check: Check, ev: Evidence) -> Result:
    vals = [ev.value(oid) for oid in check.obs_ids]
    first = vals[0]
    status = "pass"
    for other in vals[1:]:
        same_text = (
            other.v == first.v and ev.obs.loc[other.obs_id, "qualifier"] == ev.obs.loc[first.obs_id, "qualifier"]
        )
        if same_text:
            continue
        if first.lo <= other.hi and other.lo <= first.hi:
            status = "fail" if status == "fail" else "rounding"
        else:
            status = "fail"
    diff = max(abs(v.v - first.v) for v in vals[1:])
    listing = "; ".join(f"{ev.label(v.obs_id)}: {v.text}" for v in vals)
    sign = {"pass": "=", "rounding": "≈", "fail": "≠"}[status]
    texts = f" {sign} ".join(v.text for v in vals)
    steps = [f"Báo cáo nêu cùng một số liệu ở {len(vals)} chỗ: {listing}.", f"So sánh: {texts}."]
    if status == "fail":
        gap = gap_with_unit(number_vi(diff), ev.unit(first.obs_id))
        steps.append(f"Kết luận: hai cách ghi chênh nhau {gap} — các con số này không thể cùng đúng.")
    message = f"{check.description_vi}: {texts} — {verdict(status)}."
    res = Result(
        check,
        status,
        number_csv(first.v),
        number_csv(vals[1].v),
        number_csv(vals[1].v - first.v),
        "",
        message,
        steps,
        stated_vi=first.text,
        computed_vi=vals[1].text,
    )
    tol = first.half + vals[1].half
    res.tolerance = number_csv(tol) if math.isfinite(tol) else ""
    return finish(res, check, ev)


def _order_status(always: bool, sometimes: bool) -> str:
    return "pass" if always else ("rounding" if sometimes else "fail")


def _eval_part_of(check: Check, ev: Evidence) -> Result:
    part, whole = (ev.value(oid) for oid in check.obs_ids)
    always = part.hi <= whole.lo
    sometimes = part.lo <= whole.hi
    status = _order_status(always, sometimes)
    sign = {"pass": "≤", "rounding": "≤", "fail": ">"}[status]
    steps = [
        f"Phần: {ev.label(part.obs_id)}: {part.text}.",
        f"Tổng chứa nó: {ev.label(whole.obs_id)}: {whole.text}.",
        f"Một phần không thể lớn hơn tổng: {part.text} {sign} {whole.text}.",
    ]
    message = f"{check.description_vi}: {part.text} {sign} {whole.text} — {verdict(status)}."
    res = Result(
        check,
        status,
        number_csv(part.v),
        number_csv(whole.v),
        number_csv(whole.v - part.v),
        "",
        message,
        steps,
        stated_vi=part.text,
        computed_vi=whole.text,
    )
    return finish(res, check, ev)


def _bound(check: Check, ev: Evidence, key: str) -> Value | None:
    if key not in check.params:
        return None
    text = check.params[key]
    if text not in check.param_obs_ids():
        val = exact_value(float(text))
        val.text = number_vi(val.v)
        return val
    # A bound stated in the report: the number itself, precise to its written digits.
    row = ev.obs.loc[text]
    h = half_unit(row["value_text"]) if "." in row["value_text"] else 0.0
    return Value(
        float(row["value"]),
        float(row["value"]) - h,
        float(row["value"]) + h,
        True,
        number_vi(float(row["value"]), int(row["decimals"])),
        text,
    )


def _target_bounds(ev: Evidence, indicator_id: str) -> tuple[Value | None, Value | None, str]:
    """The bounds a target binds to, by the rule of :func:`chitieu.analysis.status.binding_bounds` (the same
    reading as every status of the book: a range of an indicator where more is better binds to its low
    end), and the target's quote."""
    targets = ev.ds.targets[ev.ds.targets["indicator_id"] == indicator_id].sort_values("target_year", kind="stable")
    tgt = targets.iloc[-1]
    hib = ev.ind.loc[indicator_id, "higher_is_better"]
    low = None if pd.isna(tgt["low"]) else float(tgt["low"])
    high = None if pd.isna(tgt["high"]) else float(tgt["high"])
    lower = upper = None
    for bound, want_higher in binding_bounds(tgt["kind"], low, high, None if pd.isna(hib) else bool(hib)):
        val = exact_value(bound)
        val.text = number_vi(bound)
        if want_higher:
            lower = val
        else:
            upper = val
    return lower, upper, tgt["source_quote"]


def _eval_in_range(check: Check, ev: Evidence) -> Result:
    quote = ""
    if "target" in check.params:
        low, high, quote = _target_bounds(ev, check.params["target"])
    else:
        low, high = _bound(check, ev, "low"), _bound(check, ev, "high")
    statuses, lines = [], []
    for oid in check.obs_ids:
        val = ev.value(oid)
        always = (low is None or val.lo >= low.hi) and (high is None or val.hi <= high.lo)
        sometimes = (low is None or val.hi >= low.lo) and (high is None or val.lo <= high.hi)
        st = _order_status(always, sometimes)
        statuses.append(st)
        where = (
            "nằm trong khoảng"
            if st != "fail"
            else ("thấp hơn mức dưới" if low is not None and val.hi < low.lo else "vượt mức trên")
        )
        if low is not None and high is None:
            where = "đạt mức phải đạt" if st != "fail" else "thấp hơn mức phải đạt"
        lines.append(f"{ev.label(oid)}: {val.text} — {where}")
    status = worst_status(statuses)
    unit = ev.unit(check.obs_ids[0])
    if low and high:
        rng = with_unit(f"{low.text}–{high.text}", unit)
    else:
        rng = f"từ {with_unit(low.text, unit)} trở lên" if low else f"không quá {with_unit(high.text, unit)}"
    steps = [f"Khoảng báo cáo nêu: {rng}.", *[line + "." for line in lines]]
    if quote:
        steps[0] = (
            f"Mức chỉ tiêu: “{quote}”. Đọc theo quy tắc chung của cuốn sách (chỉ tiêu mà nhiều hơn là tốt hơn thì "
            f"mức dưới của khoảng là mức phải đạt): {rng}."
        )
    message = f"{check.description_vi} ({rng}): " + "; ".join(lines) + f" — {verdict(status)}."
    first = ev.value(check.obs_ids[0])
    res = Result(check, status, rng, number_csv(first.v), "", "", message, steps, stated_vi=rng, computed_vi=first.text)
    if quote:
        res.quotes = [quote]
    return finish(res, check, ev)


def _eval_trend(check: Check, ev: Evidence) -> Result:
    vals = [ev.value(oid) for oid in check.obs_ids]
    up = check.params["direction"] == "increasing"
    statuses = []
    for a, b in zip(vals, vals[1:]):
        always = (b.lo > a.hi) if up else (b.hi < a.lo)
        sometimes = (b.hi > a.lo) if up else (b.lo < a.hi)
        statuses.append(_order_status(always, sometimes))
    status = worst_status(statuses)
    claimed = "tăng" if up else "giảm"
    actual = " → ".join(v.text for v in vals)
    moves = ["tăng" if b.v > a.v else ("giảm" if b.v < a.v else "đứng yên") for a, b in zip(vals, vals[1:])]
    steps = [
        f"Báo cáo nhận định: {claimed} dần.",
        "Số liệu báo cáo nêu: " + "; ".join(f"{ev.label(v.obs_id)}: {v.text}" for v in vals) + ".",
        f"Diễn biến thực tế: {actual} ({', '.join(moves)}).",
    ]
    message = f"{check.description_vi}: báo cáo nói {claimed}, số liệu {actual} — {verdict(status)}."
    res = Result(
        check,
        status,
        claimed,
        ", ".join(moves),
        number_csv(vals[-1].v - vals[0].v),
        "",
        message,
        steps,
        stated_vi=f"{claimed} dần",
        computed_vi=actual,
    )
    return finish(res, check, ev)


def _eval_maximum(check: Check, ev: Evidence) -> Result:
    vals = [ev.value(oid) for oid in check.obs_ids]
    top, others = vals[0], vals[1:]
    always = all(top.lo >= o.hi for o in others)
    sometimes = all(top.hi >= o.lo for o in others)
    status = _order_status(always, sometimes)
    biggest = max(others, key=lambda o: o.v)
    steps = [
        f"Báo cáo nói đây là mức cao nhất: {ev.label(top.obs_id)}: {top.text}.",
        "So với: " + "; ".join(f"{ev.label(o.obs_id)}: {o.text}" for o in others) + ".",
    ]
    message = (
        f"{check.description_vi}: {top.text} so với cao nhất trong các năm khác {biggest.text} — {verdict(status)}."
    )
    res = Result(
        check,
        status,
        number_csv(top.v),
        number_csv(biggest.v),
        number_csv(biggest.v - top.v),
        "",
        message,
        steps,
        stated_vi=top.text,
        computed_vi=biggest.text,
    )
    return finish(res, check, ev)


def _eval_count_list(check: Check, ev: Evidence) -> Result:
    val = ev.value(check.obs_ids[0])
    items = [i.strip() for i in check.params["items"].split("|") if i.strip()]
    n = len(items)
    status = "pass" if abs(val.v - n) <= EPS else "fail"
    steps = [
        f"Báo cáo ghi: {val.text} ({ev.label(val.obs_id)}).",
        f"Các mục báo cáo liệt kê ({number_vi(n)}): " + "; ".join(items) + ".",
    ]
    if check.params.get("excluded_vi"):
        steps.append(f"Không tính: {check.params['excluded_vi']}.")
    sign = "=" if status == "pass" else "≠"
    steps.append(f"Kết luận: {number_vi(n)} mục {sign} {val.text}.")
    message = f"{check.description_vi}: liệt kê {number_vi(n)} mục {sign} {val.text} — {verdict(status)}."
    res = Result(
        check,
        status,
        number_csv(val.v),
        str(n),
        number_csv(n - val.v),
        "0",
        message,
        steps,
        stated_vi=val.text,
        computed_vi=number_vi(n),
    )
    return finish(res, check, ev)


def _eval_qualitative(check: Check, ev: Evidence) -> Result:
    return unverifiable(
        check,
        ev,
        "báo cáo không có số liệu để tính lại, điểm này được ghi để người đọc tự đối chiếu",
        steps=[
            check.description_vi + ".",
            "Không có phép tính nào kiểm chứng được nhận định này từ số liệu của báo cáo.",
        ],
    )


EVALUATORS = {
    "same_quantity": _eval_same_quantity,
    "part_of": _eval_part_of,
    "in_range": _eval_in_range,
    "trend": _eval_trend,
    "maximum": _eval_maximum,
    "count_list": _eval_count_list,
    "qualitative": _eval_qualitative,
}
"""Kind → evaluator ``(check, evidence) → Result`` of the order and count relations and the qualitative points
(the report's own verdicts: :mod:`chitieu.analysis.audit.selfassessment`)."""
