"""The result of a check, and what is made of all results: ``audit.csv``, counts, the figures they name."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.atomic import write_text_atomic
from chitieu.data import contract
from chitieu.data.checks import KINDS, Check
from chitieu.data.corrections import Correction

STATUS_ORDER = contract.enum("audit", "status")
"""The verdicts, worst first (``fail``, ``implausible``, ``reading``, ``rounding``, ``pass``, ``unverifiable``:
the schema's order); a check with several parts, and a finding with several checks, takes the worst."""
JUDGEMENT_STATUSES = ("implausible", "reading")
"""Verdicts that need judgement: the arithmetic alone does not prove the figures wrong (``docs/audit.md``)."""
AUDIT_COLUMNS = contract.columns("audit")


@dataclass
class Result:
    """The evaluation of one check, with every text the audit chapter and ``audit.csv`` need."""

    check: Check
    status: str
    stated: str = ""
    computed: str = ""
    difference: str = ""
    tolerance: str = ""
    message: str = ""
    steps: list[str] = field(default_factory=list)
    obs_ids: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    stated_vi: str = ""
    computed_vi: str = ""
    tolerance_vi: str = ""
    reason: str = ""

    @property
    def check_id(self) -> str:
        return self.check.check_id

    @property
    def finding_id(self) -> str:
        return self.check.group

    def row(self) -> dict[str, str]:
        return {
            "check_id": self.check_id,
            "finding_id": self.finding_id,
            "kind": self.check.kind,
            "status": self.status,
            "stated": self.stated,
            "computed": self.computed,
            "difference": self.difference,
            "tolerance": self.tolerance,
            "message": self.message,
            "source_quotes": " | ".join(self.quotes),
        }


def worst_status(statuses: list[str]) -> str:
    """The worst of several statuses, in the order of :data:`STATUS_ORDER`."""
    return min(statuses, key=STATUS_ORDER.index)


def audit_csv_text(results: list[Result]) -> str:
    """``audit.csv`` as text: one row per check, columns :data:`AUDIT_COLUMNS`, ``\\n`` line ends."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=AUDIT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for res in results:
        writer.writerow(res.row())
    return buf.getvalue()


def write_audit_csv(results: list[Result], out: Path) -> Path:
    """Write ``audit.csv`` atomically (a reader never sees half a file)."""
    write_text_atomic(Path(out), audit_csv_text(results))
    return Path(out)


def status_counts(results: list[Result]) -> dict[str, int]:
    """How many checks have each status (every status present, zeros included), fails first."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for res in results:
        counts[res.status] += 1
    return counts


@dataclass
class FindingResult:
    """The checks of one finding (root cause), in file order; the finding's status is the worst of theirs.

    ``title`` and ``cause`` come from ``findings.csv``; a check standing alone is its own finding, titled by
    its description.
    """

    finding_id: str
    title: str
    cause: str
    results: list[Result]

    @property
    def status(self) -> str:
        return worst_status([r.status for r in self.results])

    @property
    def grouped(self) -> bool:
        """True for a finding of ``findings.csv`` (several checks may share it), False for a lone check."""
        return bool(self.results[0].check.finding_id)


def group_findings(results: list[Result], findings: dict) -> list[FindingResult]:
    """The results grouped by finding (``checks.finding_id``), in the order each finding first appears; within a
    finding the checks are worst first.

    ``findings`` maps a finding id to its :class:`chitieu.data.checks.Finding` (``load_findings``).
    """
    groups: dict[str, list[Result]] = {}
    for res in results:
        groups.setdefault(res.finding_id, []).append(res)
    out = []
    for fid, members in groups.items():
        # Worst first within a finding (stable: file order among equals), so its entry opens with the cause.
        members = sorted(members, key=lambda r: STATUS_ORDER.index(r.status))
        finding = findings.get(fid) if members[0].check.finding_id else None
        title = finding.title_vi if finding else members[0].check.description_vi
        cause = finding.cause_vi if finding else ""
        out.append(FindingResult(fid, title, cause, members))
    return out


def finding_status_by_check(results: list[Result]) -> dict[str, str]:
    """Check id → the verdict of the finding it belongs to (the worst of that finding's checks): the verdict
    that decides under which heading, and on which page of the book, a check is shown."""
    return {res.check_id: finding.status for finding in group_findings(results, {}) for res in finding.results}


def finding_counts(findings: list[FindingResult]) -> dict[str, int]:
    """How many findings have each status (every status present, zeros included), worst first."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for finding in findings:
        counts[finding.status] += 1
    return counts


def kind_counts(results: list[Result]) -> dict[str, int]:
    """How many checks of each kind, in the order of :data:`KINDS`."""
    counts = dict.fromkeys(KINDS, 0)
    for res in results:
        counts[res.check.kind] += 1
    return {k: v for k, v in counts.items() if v}


def failed_obs_ids(results: list[Result]) -> dict[str, list[str]]:
    """Observation id → ids of the checks it fails (status ``fail`` only: the figures cannot all be true), for
    the ⚠ markers in chapters and in the report's text."""
    out: dict[str, list[str]] = {}
    for res in results:
        if res.status == "fail":
            for oid in res.obs_ids:
                out.setdefault(oid, []).append(res.check_id)
    return out


def result_by_id(results: list[Result], check_id: str) -> Result:
    """The result of one check (``KeyError`` when no check has that id)."""
    for res in results:
        if res.check_id == check_id:
            return res
    raise KeyError(check_id)


def rejected_obs_ids(corrections: list[Correction]) -> set[str]:
    """Observation ids that charts should not draw (the other statement is used, see ``corrections.csv``)."""
    return {oid for c in corrections for oid in c.rejected_obs_ids}


def obs_ids_used(results: list[Result], corrections: list[Correction] = ()) -> list[str]:
    """Every observation the audit names, in order, for the chapter's closing figures table."""
    ids = [oid for r in results for oid in r.obs_ids]
    ids += [oid for c in corrections for oid in (c.chosen_obs_id, *c.rejected_obs_ids)]
    return list(dict.fromkeys(ids))
