"""Evaluators of the report's own verdicts: one key indicator's đạt / gần đạt / chưa đạt against the book's
rule, and the verdicts of several indicators against each other.

``classification`` compares the report's verdict (``report_assessment.csv``) with
:func:`chitieu.analysis.status.assess` on the figures named in the check (the weakest part decides for an
indicator with several parts). ``classification_consistency`` takes the indicators of several
``classification`` checks and asks whether the report ranks them the way their shortfalls do: an indicator
that misses its target by less must not get a worse verdict than one that misses by more, and one indicator
gets one verdict wherever the report gives it.

The report never says where its thresholds lie, so a verdict is a judgement, not a figure: these checks are
never ``fail``. A verdict the book's rule does not reproduce (met against not met), or verdicts that do not
follow one order, are a ``reading`` issue, with the figures that show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from chitieu.analysis.audit.evidence import Evidence, finish, unverifiable
from chitieu.analysis.audit.numbers import number_vi
from chitieu.analysis.audit.results import Result
from chitieu.analysis.status import REPORT_STATUS_VI, assess, status_word
from chitieu.data.checks import SUMMARY_ASSESSMENT_REF, Check
from chitieu.data.sourceref import format_source_ref

SEVERITY = {"met": 0, "nearly_met": 1, "not_met": 2}
"""Verdicts from best to worst."""

NO_THRESHOLD = "báo cáo không nói ngưỡng nào là đạt, gần đạt hay chưa đạt"


@dataclass(frozen=True)
class Classified:
    """One key indicator as the report judges it and as the book's rule does.

    ``computed`` is the weakest part's status (None when no part has a numeric target); ``shortfall`` is that
    part's distance to its binding bound as a share of the bound (0 when met); ``lines`` word each part.
    """

    number: int
    ref: str
    reported: str
    reported_quote: str
    computed: str | None
    shortfall: float | None
    lines: tuple[str, ...]


def classify(check: Check, ev: Evidence) -> Classified:
    """The report's verdict on the check's key indicator and the book's, part by part."""
    number = int(check.params["resolution_no"])
    ref = check.params.get("report_ref", SUMMARY_ASSESSMENT_REF)
    ra = ev.ds.report_assessment
    verdict_row = ra[(ra["resolution_no"] == number) & (ra["source_ref"] == ref)].iloc[0]
    parts, lines = [], []
    for oid in check.obs_ids:
        row = ev.obs.loc[oid]
        target_id = check.params.get("target", row["indicator_id"])
        targets = ev.ds.targets[ev.ds.targets["indicator_id"] == target_id].sort_values("target_year", kind="stable")
        hib = ev.ind.loc[target_id, "higher_is_better"]
        if targets.empty:
            lines.append(f"{ev.label(oid)}: {ev.stated_text(oid)} — báo cáo không nêu mức chỉ tiêu bằng con số")
            continue
        tgt = targets.iloc[-1]
        low = None if pd.isna(tgt["low"]) else float(tgt["low"])
        high = None if pd.isna(tgt["high"]) else float(tgt["high"])
        result = assess(float(row["value"]), row["qualifier"], tgt["kind"], low, high, None if pd.isna(hib) else hib)
        parts.append(result)
        short = "" if result.code == "met" else f", thiếu {number_vi(result.shortfall_share * 100, 1)}% so với mức"
        lines.append(
            f"{ev.label(oid)}: {ev.stated_text(oid)}, mức chỉ tiêu “{tgt['source_quote']}” → "
            f"{status_word(result.code)}{short}"
        )
    worst = max(parts, key=lambda a: (SEVERITY[a.code], a.shortfall_share or 0.0)) if parts else None
    return Classified(
        number,
        ref,
        verdict_row["report_status"],
        verdict_row["source_quote"],
        worst.code if worst else None,
        (worst.shortfall_share or 0.0) if worst else None,
        tuple(lines),
    )


def _eval_classification(check: Check, ev: Evidence) -> Result:
    c = classify(check, ev)
    reported_vi = REPORT_STATUS_VI[c.reported]
    steps = [
        f"Báo cáo tự đánh giá chỉ tiêu {c.number}: {reported_vi} (“{c.reported_quote}”, {format_source_ref(c.ref)}).",
        *[line + "." for line in c.lines],
    ]
    if c.computed is None:
        reason = "báo cáo không nêu mức chỉ tiêu bằng con số nên quy tắc của cuốn sách không tính được trạng thái"
        res = Result(
            check,
            "unverifiable",
            stated=reported_vi,
            message=f"{check.description_vi} — báo cáo: {reported_vi}; không kiểm chứng được: {reason}.",
            steps=steps + [f"Không kiểm chứng được: {reason}."],
            stated_vi=reported_vi,
            computed_vi="—",
        )
        res.quotes = [c.reported_quote]
        return finish(res, check, ev)
    computed_vi = REPORT_STATUS_VI[c.computed]
    reason = ""
    if c.computed == c.reported:
        status, tail = "pass", "khớp"
    elif c.computed != "met" and c.reported != "met":
        status, tail = "rounding", "cùng là chưa đạt, chỉ khác ở ngưỡng “gần đạt” mà báo cáo không định nghĩa"
    else:
        status = "reading"
        reason = (
            f"{NO_THRESHOLD}; với mức chỉ tiêu báo cáo tự nêu, quy tắc của cuốn sách cho {computed_vi}, "
            f"còn báo cáo ghi {reported_vi}"
        )
        tail = f"vấn đề câu chữ, cách hiểu: {reason}"
    if len(c.lines) > 1:
        steps.append(f"Chỉ tiêu có nhiều phần: phần yếu nhất quyết định → {computed_vi}.")
    steps.append(f"Kết luận: báo cáo {reported_vi}, quy tắc của cuốn sách {computed_vi} — {tail}.")
    message = f"{check.description_vi}: báo cáo ghi {reported_vi}, tính theo quy tắc {computed_vi} — {tail}."
    res = Result(
        check,
        status,
        reported_vi,
        computed_vi,
        "",
        "",
        message,
        steps,
        stated_vi=reported_vi,
        computed_vi=computed_vi,
        reason=reason,
    )
    res.quotes = [c.reported_quote]
    return finish(res, check, ev)


def _shortfall_vi(c: Classified) -> str:
    return "đạt mức chỉ tiêu" if c.computed == "met" else f"thiếu {number_vi(c.shortfall * 100, 1)}% so với mức"


def _eval_classification_consistency(check: Check, ev: Evidence) -> Result:
    named = [ev.checks[cid] for cid in check.params["checks"].split() if cid in ev.checks]
    judged = [classify(c, ev) for c in named]
    judged = [c for c in judged if c.computed is not None]
    if len(judged) < 2:
        return unverifiable(check, ev, "cần ít nhất hai chỉ tiêu có mức chỉ tiêu bằng con số để so")
    by_number: dict[int, list[Classified]] = {}
    for c in judged:
        by_number.setdefault(c.number, []).append(c)
    problems = []
    for number, items in by_number.items():
        verdicts = list(dict.fromkeys(c.reported for c in items))
        if len(verdicts) > 1:
            where = "; ".join(f"{REPORT_STATUS_VI[c.reported]} ở {format_source_ref(c.ref, short=True)}" for c in items)
            problems.append(f"chỉ tiêu {number} được đánh giá hai cách: {where}")
    # One verdict per indicator for the ranking: the summary's (the first statement).
    firsts = [items[0] for items in by_number.values()]
    for a in firsts:
        for b in firsts:
            if a.shortfall < b.shortfall and SEVERITY[a.reported] > SEVERITY[b.reported]:
                problems.append(
                    f"chỉ tiêu {a.number} ({_shortfall_vi(a)}) bị xếp {REPORT_STATUS_VI[a.reported]}, còn chỉ tiêu "
                    f"{b.number} ({_shortfall_vi(b)}) lại được xếp {REPORT_STATUS_VI[b.reported]}"
                )
    steps = [
        "Mỗi chỉ tiêu chủ yếu có mức chỉ tiêu bằng con số, xếp theo mức thiếu (phần yếu nhất quyết định): "
        + "; ".join(
            f"chỉ tiêu {c.number}: {_shortfall_vi(c)} — báo cáo ghi {REPORT_STATUS_VI[c.reported]}"
            f" ({format_source_ref(c.ref, short=True)})"
            for c in sorted(judged, key=lambda c: (c.shortfall, c.number))
        )
        + ".",
        "Một cách tự đánh giá nhất quán thì chỉ tiêu thiếu ít hơn không bị xếp kém hơn chỉ tiêu thiếu nhiều hơn, "
        "và mỗi chỉ tiêu chỉ có một đánh giá.",
    ]
    if not problems:
        steps.append("Kết luận: các đánh giá của báo cáo theo đúng một thứ tự — khớp.")
        message = f"{check.description_vi}: các đánh giá theo đúng thứ tự mức thiếu — khớp đúng."
        res = Result(check, "pass", message=message, steps=steps, stated_vi="nhất quán", computed_vi="nhất quán")
        return finish(res, check, ev, [oid for c in named for oid in c.obs_ids])
    reason = f"{NO_THRESHOLD}, và cách xếp không theo một thứ tự: " + "; ".join(problems)
    steps += [f"Không nhất quán: {p}." for p in problems]
    steps.append("Kết luận: đây là cách đánh giá của báo cáo, không phải một con số sai — vấn đề câu chữ, cách hiểu.")
    message = f"{check.description_vi} — vấn đề câu chữ, cách hiểu: {reason}."
    res = Result(
        check,
        "reading",
        "không nhất quán",
        "",
        "",
        "",
        message,
        steps,
        stated_vi="không nhất quán",
        computed_vi=f"{number_vi(len(problems))} chỗ",
        reason=reason,
    )
    res.quotes = list(dict.fromkeys(c.reported_quote for c in judged))
    return finish(res, check, ev, [oid for c in named for oid in c.obs_ids])


EVALUATORS = {
    "classification": _eval_classification,
    "classification_consistency": _eval_classification_consistency,
}
"""Kind → evaluator ``(check, evidence) → Result`` of the report's own verdicts."""
