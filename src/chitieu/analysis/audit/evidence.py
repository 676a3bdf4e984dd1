"""What every evaluator shares: the report's figures as intervals and words, and the tail of a result.

:class:`Evidence` reads an observation of the dataset as the audit needs it (its interval, how the report
writes it, a label naming indicator, period and place, its quote); :func:`finish` attaches the figures and
quotes a result rests on; :func:`unverifiable` is the result of a check the report gives no numbers for.
"""

from __future__ import annotations

from chitieu.analysis.audit.intervals import Value, value_interval
from chitieu.analysis.audit.numbers import number_vi
from chitieu.analysis.audit.results import Result
from chitieu.data.checks import Check
from chitieu.data.contract import QUALIFIERS, STATUSES, UNITS
from chitieu.data.load import Dataset
from chitieu.data.periods import format_period

ACTUAL_STATUS = "actual"
"""The status of a figure that needs no word in its label (an estimate or a plan says so)."""


class Evidence:
    """What an evaluator needs from the dataset: values, units, labels and quotes of observations."""

    def __init__(self, ds: Dataset, checks: list[Check] = ()):
        self.ds = ds
        self.obs = ds.observations
        self.ind = ds.indicators
        self.checks = {c.check_id: c for c in checks}
        """The checks evaluated together (a check about other checks reads them here)."""

    def value(self, oid: str) -> Value:
        row = self.obs.loc[oid]
        unit = self.ind.loc[row["indicator_id"], "unit"]
        val = value_interval(float(row["value"]), row["value_text"], unit, row["qualifier"])
        val.obs_id = oid
        val.text = self.stated_text(oid)
        return val

    def unit(self, oid: str) -> str:
        """The unit code of an observation's indicator (``percent``, ``billion_vnd``…)."""
        return self.ind.loc[self.obs.loc[oid, "indicator_id"], "unit"]

    def stated_text(self, oid: str) -> str:
        """The figure as the report states it, with its qualifier and unit: ``"khoảng 5.400 tỷ đồng"``."""
        row = self.obs.loc[oid]
        words = QUALIFIERS[row["qualifier"]]
        number = with_unit(number_vi(float(row["value"]), int(row["decimals"])), self.unit(oid))
        return f"{words} {number}".strip()

    def label(self, oid: str) -> str:
        row = self.obs.loc[oid]
        place = f", {row['locality']}" if row["locality"] else ""
        status = "" if row["status"] == ACTUAL_STATUS else f", {STATUSES[row['status']]}"
        return f"{self.ind.loc[row['indicator_id'], 'name_vi']} ({format_period(row['period'])}{place}{status})"

    def quote(self, oid: str) -> str:
        return self.obs.loc[oid, "source_quote"]

    def exact(self, oid: str) -> bool:
        return self.obs.loc[oid, "qualifier"] == "exact"

    def decimals(self, oid: str) -> int:
        """Digits the report writes after the decimal comma of this figure."""
        return int(self.obs.loc[oid, "decimals"])


def with_unit(number: str, unit: str) -> str:
    """A number written with its unit label: ``"13,7"``, ``percent`` → ``"13,7%"``; ``"541"``, ``billion_vnd`` →
    ``"541 tỷ đồng"``; a plain count keeps no label."""
    label = UNITS.get(unit, "")
    if unit in ("percent", "percent_of_plan"):
        return f"{number}{label}"
    return f"{number} {label}".strip()


def gap_with_unit(number: str, unit: str) -> str:
    """A difference (or a tolerance) between two figures with its unit: between two percentages it is in
    percentage points (``"2,63"``, ``percent`` → ``"2,63 điểm phần trăm"``, never ``"2,63%"``, which would read
    as a share of the figure); otherwise as :func:`with_unit`."""
    if unit in ("percent", "percentage_point"):
        return f"{number} điểm phần trăm"
    if unit == "percent_of_plan":
        return f"{number} điểm phần trăm kế hoạch"
    return with_unit(number, unit)


def verdict(status: str, reason: str = "") -> str:
    """The verdict in words, ending the message of a result."""
    return {
        "pass": "khớp đúng",
        "rounding": "khớp trong phạm vi làm tròn của các số được ghi",
        "fail": "không khớp: các con số này không thể cùng đúng",
        "implausible": f"khó tin nhưng có thể đúng: {reason}",
        "reading": f"vấn đề câu chữ, cách hiểu: {reason}",
        "unverifiable": f"không kiểm chứng được: {reason}",
    }[status]


ARITHMETIC_WORDS = {
    "pass": "khớp đúng",
    "rounding": "khớp khi làm tròn",
    "fail": "không khớp",
}
"""What the arithmetic alone says, in the steps of a result whose verdict needs judgement."""


def judge(res: Result) -> Result:
    """Apply the check's stated reading (``reading_vi``): the verdict becomes ``reading`` with that reason,
    whatever the arithmetic says under the check's own reading (an unverifiable check stays unverifiable).

    The steps keep what the arithmetic gives under the reading the check was written with, then the reason.
    """
    reason = res.check.reading
    if not reason or res.status == "unverifiable":
        return res
    arithmetic = ARITHMETIC_WORDS.get(res.status, res.status)
    res.steps = [
        *res.steps,
        f"Theo cách đọc của phép kiểm tra này, các con số {arithmetic}.",
        f"Nhưng kết quả phụ thuộc vào cách hiểu câu chữ: {reason}.",
    ]
    head = res.message.split(" — ", 1)[0]
    res.status = "reading"
    res.reason = reason
    res.message = f"{head} — {verdict('reading', reason)}."
    return res


def finish(res: Result, check: Check, ev: Evidence, extra_obs: list[str] = ()) -> Result:
    """Attach to ``res`` the observations it rests on (roles, then params) and their quotes, without repeats."""
    ids = list(dict.fromkeys(check.obs_ids + list(extra_obs) + check.param_obs_ids()))
    res.obs_ids = ids
    quotes = [ev.quote(oid) for oid in ids]
    if check.evidence_quote:
        quotes.append(check.evidence_quote)
    res.quotes = list(dict.fromkeys(quotes + res.quotes))
    return res


def unverifiable(check: Check, ev: Evidence, reason: str, stated: str = "", steps: list[str] | None = None) -> Result:
    """The result of a check that cannot be recomputed, with the reason in its message."""
    res = Result(
        check,
        "unverifiable",
        stated=stated,
        message=f"{check.description_vi} — không kiểm chứng được: {reason}.",
        steps=steps or [f"Không kiểm chứng được: {reason}."],
    )
    return finish(res, check, ev)
