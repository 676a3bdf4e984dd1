"""The auditor's checks: every relation the report's own figures imply, evaluated with stated precision.

``data/checks.csv`` holds one row per relation (a breakdown adds up to its total, ``a/b`` is the stated
percent, a figure stated twice agrees with itself, …) with the observation ids it involves; it is read and
validated by :mod:`chitieu.data.checks` (re-exported here). This package evaluates every check and writes
``audit.csv``; :mod:`chitieu.book.audit_view` shows the results in the book. The format and the list of
kinds are documented in ``docs/audit.md``.

- :mod:`~chitieu.analysis.audit.intervals`: a stated value as the interval its writing allows (half a unit
  in the last digit written, counts exact, "khoảng" ±1 %, "trên"/"gần" one-sided) and the range of a
  formula over such intervals;
- :mod:`~chitieu.analysis.audit.arithmetic` and :mod:`~chitieu.analysis.audit.relations`: one evaluator per
  kind, the arithmetic relations and the order, count and verdict relations;
- :mod:`~chitieu.analysis.audit.evidence`: what the evaluators read from the dataset;
- :mod:`~chitieu.analysis.audit.results`: the result of a check, ``audit.csv`` and counts.

Verdicts
--------
What arithmetic proves is kept apart from what needs judgement (``docs/audit.md`` gives the rule in full).
With ``s`` the stated and ``c`` the computed value:

* ``pass`` — ``|s − c| ≤ 1e-9·max(1, |s|)`` and every value involved is written ``exact``;
* ``rounding`` — the two intervals overlap: the figures agree only within the precision written
  (a stated 33,3% for 1/3); values written "khoảng", "trên", "gần" can reach at best this status;
* ``fail`` — the intervals do not overlap: the stated figures cannot all be true at their stated precision
  (a stated 33,03% for 1/3). Only arithmetic on the stated figures gives it;
* ``implausible`` — the intervals do not overlap, but only under an assumption the report does not state
  (a steady growth path behind a total, proxy weights behind an average): possible, hard to believe;
* ``reading`` — the outcome depends on how a sentence is read (which revenue "thu ngân sách" means, whether a
  label covers a group, whether an undated count is a forecast), stated in the check's ``reading_vi``; the
  report's own verdicts (đạt / gần đạt / chưa đạt) against the book's rule or against each other;
* ``unverifiable`` — an input is missing from the report or the relation is qualitative; the reason is given.

``tolerance`` in ``audit.csv`` is the half-width of the stated interval plus that of the computed one
(blank when one side is unbounded). Order relations (``part_of``, ``in_range``, ``trend``, ``maximum``)
``pass`` when they hold for every point of the intervals, are ``rounding`` when they hold only for some,
and ``fail`` when they hold for none. ``classification`` (:mod:`~chitieu.analysis.audit.selfassessment`):
same verdict → ``pass``; both "not met" but one says "gần đạt" → ``rounding``; met against not met →
``reading``; no numeric target → ``unverifiable``. Results are grouped by finding (``checks.finding_id``,
:func:`group_findings`); a finding takes the worst verdict of its checks.
"""

from __future__ import annotations

from chitieu.analysis.audit import arithmetic, relations, selfassessment
from chitieu.analysis.audit.evidence import Evidence, judge
from chitieu.analysis.audit.intervals import (
    COUNT_UNITS,
    Value,
    approx_width,
    compare,
    corner_range,
    exact_value,
    half_unit,
    value_interval,
)
from chitieu.analysis.audit.results import (
    AUDIT_COLUMNS,
    JUDGEMENT_STATUSES,
    STATUS_ORDER,
    FindingResult,
    Result,
    audit_csv_text,
    failed_obs_ids,
    finding_counts,
    finding_status_by_check,
    group_findings,
    kind_counts,
    obs_ids_used,
    rejected_obs_ids,
    result_by_id,
    status_counts,
    write_audit_csv,
)
from chitieu.data.checks import (
    CHECK_COLUMNS,
    KINDS,
    Check,
    Finding,
    load_checks,
    load_findings,
)
from chitieu.data.corrections import CORRECTION_COLUMNS, Correction, load_corrections
from chitieu.data.load import Dataset

__all__ = [
    "AUDIT_COLUMNS",
    "CHECK_COLUMNS",
    "CORRECTION_COLUMNS",
    "COUNT_UNITS",
    "EVALUATORS",
    "JUDGEMENT_STATUSES",
    "KINDS",
    "STATUS_ORDER",
    "Check",
    "Correction",
    "Finding",
    "FindingResult",
    "Result",
    "Value",
    "approx_width",
    "audit_csv_text",
    "compare",
    "corner_range",
    "evaluate_all",
    "evaluate_check",
    "exact_value",
    "failed_obs_ids",
    "finding_counts",
    "finding_status_by_check",
    "group_findings",
    "half_unit",
    "kind_counts",
    "load_checks",
    "load_corrections",
    "load_findings",
    "obs_ids_used",
    "rejected_obs_ids",
    "result_by_id",
    "run_audit",
    "status_counts",
    "value_interval",
    "write_audit_csv",
]

EVALUATORS = {
    kind: {**arithmetic.EVALUATORS, **relations.EVALUATORS, **selfassessment.EVALUATORS}[kind] for kind in KINDS
}
"""Kind → evaluator, one per kind of :data:`chitieu.data.checks.KINDS` (a kind without one fails on import)."""


def evaluate_check(ds: Dataset, check: Check, others: list[Check] = ()) -> Result:
    """Evaluate one check (see the verdicts above); ``others`` are the checks a check about checks names."""
    return judge(EVALUATORS[check.kind](check, Evidence(ds, [*others, check])))


def evaluate_all(ds: Dataset, checks: list[Check]) -> list[Result]:
    """Evaluate every check, in file order."""
    evidence = Evidence(ds, checks)
    return [judge(EVALUATORS[c.kind](c, evidence)) for c in checks]


def run_audit(ds: Dataset) -> list[Result]:
    """Load ``checks.csv`` of the dataset's folder and evaluate it."""
    return evaluate_all(ds, load_checks(ds))
