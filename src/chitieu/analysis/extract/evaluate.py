"""How good the candidates are, measured on a report whose rows were written by hand (``candidates-eval``).

The curated ``observations.csv`` is the truth. An observation is *recalled* when a candidate lies at its place:
the candidate's number is one its quote states (same value, at an occurrence of the quote; see
:func:`chitieu.analysis.coverage.claimed_numbers`). Over the recalled observations, each field of the candidate
is compared with the curated row; the indicator suggestion is computed leave-one-out (no earlier quote lying
at the candidate's place is used, :meth:`.suggest.IndicatorIndex.suggest`), so a row's own quote never
suggests its indicator. Candidates that are no curated observation or target and that
``data/coverage_skipped.csv`` does not explain are counted. The figures are printed, with the targets of
issue 16 and the worst confusions; nothing here asserts them (a benchmark, not a test).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from chitieu.analysis import coverage
from chitieu.analysis.extract.candidates import Candidate, build_candidates, report_years
from chitieu.analysis.extract.suggest import build_index
from chitieu.data.load import load_dataset, report_source
from chitieu.data.localities import read_localities
from chitieu.data.vnnum import format_vn

FIELDS = ("qualifier", "status", "period", "locality", "source_ref")
TARGETS = {
    "recall": 98.0,
    "qualifier": 95.0,
    "status": 95.0,
    "period": 90.0,
    "locality": 95.0,
    "top1": 70.0,
    "top2": 85.0,
}
"""Issue 16's targets, in percent (``source_ref`` has none: it is measured for information)."""


@dataclass
class Evaluation:
    """What :func:`evaluate` measured."""

    candidates: int
    observations: int
    recalled: int
    claimed_by_observation: int
    claimed_by_target_only: int
    explained_by_skipped: int
    unexplained: list[Candidate]
    correct: dict[str, int]
    confusions: dict[str, Counter] = field(default_factory=dict)
    examples: dict[tuple[str, str, str], str] = field(default_factory=dict)
    seconds: float = 0.0
    seconds_leave_one_out: float = 0.0
    missed: list[str] = field(default_factory=list)

    def percent(self, key: str) -> float:
        total = self.observations if key == "recall" else self.recalled
        value = self.recalled if key == "recall" else self.correct.get(key, 0)
        return 100.0 * value / total if total else 100.0


def _positions(lines: list[str], quote: str, value: Decimal) -> list[tuple[int, int]]:
    """``(line, offset)`` of every number a row's quote states, at every occurrence of the quote."""
    claimed = coverage.claimed_numbers(quote, [value])
    out = []
    for line_no, line in enumerate(lines, start=1):
        pos = line.find(quote)
        while pos != -1:
            out.extend((line_no, pos + s) for s, _ in sorted(claimed))
            pos = line.find(quote, pos + 1)
    return out


def _bound(value: float) -> Decimal | None:
    """A target's bound as loaded (a float, NaN when absent) as a Decimal."""
    return None if value != value else Decimal(repr(value))


def evaluate(data_dir: Path) -> Evaluation:
    """Validate and load the curated data of ``data_dir``, then :func:`measure` its report's candidates.

    Raises
    ------
    chitieu.data.errors.DataValidationError
        When the data are not valid.
    """
    ds = load_dataset(data_dir)
    source = report_source(ds)
    observations = ds.observations.assign(value=ds.observations["value_text"]).to_dict("records")
    targets = [{**t, "low": _bound(t["low"]), "high": _bound(t["high"])} for t in ds.targets.to_dict("records")]
    return measure(
        source.text,
        source.meta,
        ds.indicators.to_dict("records"),
        observations,
        targets,
        coverage.read_skipped(Path(data_dir) / coverage.SKIPPED_FILE),
        read_localities(Path(data_dir)),
    )


def measure(text: str, meta: dict, indicators, observations, targets, skipped, localities) -> Evaluation:
    """Build the candidates of ``text`` and compare them with its curated rows.

    Parameters
    ----------
    text : str
        The curated report (NFC).
    meta : dict
        Its sidecar (for the report's year).
    indicators, observations, targets : list of dict
        Rows of the three tables; an observation's ``value`` and a target's ``low``/``high`` as written
        (text or Decimal; a missing bound None).
    skipped : list of (int, str, str)
        ``coverage_skipped.csv``.
    localities : Localities
        The wards and communes.
    """
    lines = text.split("\n")
    years = report_years(meta, text)
    quoted = [
        (r["indicator_id"], r["source_quote"], r["source_ref"], (Decimal(str(r["value"])),)) for r in observations
    ]
    quoted += [
        (
            r["indicator_id"],
            r["source_quote"],
            r["source_ref"],
            tuple(Decimal(str(v)) for v in (r["low"], r["high"]) if v),
        )
        for r in targets
    ]

    # Once as a new report would be read (timed), once leave-one-out (evaluated).
    started = time.perf_counter()
    build_candidates(text, years, localities, build_index(indicators, quoted, lines))
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    candidates = build_candidates(text, years, localities, build_index(indicators, quoted, lines), leave_place_out=True)
    seconds_loo = time.perf_counter() - started

    by_place = {(c.line, c.start): c for c in candidates}
    correct: Counter = Counter()
    confusions = {key: Counter() for key in (*FIELDS, "indicator")}
    examples: dict[tuple[str, str, str], str] = {}
    recalled, missed = 0, []
    for row in observations:
        places = [p for p in _positions(lines, row["source_quote"], Decimal(str(row["value"]))) if p in by_place]
        if not places:
            missed.append(row["obs_id"])
            continue
        recalled += 1
        found = [by_place[p] for p in places]
        cand = next((c for c in found if c.source_ref == row["source_ref"]), found[0])
        for key in FIELDS:
            truth, got = row[key] or "", getattr(cand, key) or ""
            if truth == got:
                correct[key] += 1
            else:
                confusions[key][(truth, got)] += 1
                examples.setdefault((key, truth, got), f"{cand.line}: {cand.source_quote[:70]}")
        suggested = [iid for iid, _ in cand.suggestions]
        if suggested[:1] == [row["indicator_id"]]:
            correct["top1"] += 1
        else:
            got = suggested[0] if suggested else ""
            confusions["indicator"][(row["indicator_id"], got)] += 1
            examples.setdefault(("indicator", row["indicator_id"], got), f"{cand.line}: {cand.source_quote[:70]}")
        if row["indicator_id"] in suggested[:2]:
            correct["top2"] += 1

    def values(*texts) -> tuple[Decimal, ...]:
        return tuple(Decimal(str(v)) for v in texts if v is not None and v != "")

    obs_spans = coverage.quote_spans(lines, [(r["source_quote"], values(r["value"])) for r in observations])
    tgt_spans = coverage.quote_spans(lines, [(r["source_quote"], values(r["low"], r["high"])) for r in targets])
    skip = coverage.skip_keys(skipped)
    by_obs = by_target = by_skip = 0
    unexplained = []
    for c in candidates:
        number = coverage.ClassifiedNumber(c.line, c.start, c.end, c.number_text, c.value, coverage.STATISTIC)
        if coverage.is_matched(number, obs_spans):
            by_obs += 1
        elif coverage.is_matched(number, tgt_spans):
            by_target += 1
        elif (c.line, c.number_text) in skip:
            by_skip += 1
        else:
            unexplained.append(c)
    return Evaluation(
        candidates=len(candidates),
        observations=len(observations),
        recalled=recalled,
        claimed_by_observation=by_obs,
        claimed_by_target_only=by_target,
        explained_by_skipped=by_skip,
        unexplained=unexplained,
        correct=dict(correct),
        confusions=confusions,
        examples=examples,
        seconds=seconds,
        seconds_leave_one_out=seconds_loo,
        missed=missed,
    )


def _pct(value: float) -> str:
    return format_vn(value, 1) + "%"


def format_evaluation(ev: Evaluation, worst: int = 5) -> str:
    """The figures as ``make candidates-eval`` prints them (Vietnamese, English in parentheses)."""

    def verdict(key: str) -> str:
        return "đạt (met)" if ev.percent(key) >= TARGETS[key] else "CHƯA ĐẠT (missed)"

    out = [
        "Đánh giá ứng viên số liệu (candidate evaluation) trên báo cáo đã nhập tay (curated report)",
        f"Ứng viên (candidates): {ev.candidates}; số liệu đã nhập (curated observations): {ev.observations}",
        f"Độ phủ (recall): {ev.recalled}/{ev.observations} = {_pct(ev.percent('recall'))} "
        f"(mục tiêu/target ≥ {TARGETS['recall']:.0f}%) {verdict('recall')}",
        f"Ứng viên khớp số liệu (match an observation): {ev.claimed_by_observation}; chỉ khớp mục tiêu (a target "
        f"only): {ev.claimed_by_target_only}; bỏ qua có lý do (explained in coverage_skipped.csv): "
        f"{ev.explained_by_skipped}; chưa giải thích (unexplained): {len(ev.unexplained)}",
    ]
    for c in ev.unexplained[:worst]:
        out.append(f"    dòng/line {c.line} {c.number_text!r}: {c.source_quote[:80]}")
    out.append(f"Độ chính xác trên {ev.recalled} số liệu khớp (accuracy over recalled rows):")
    labels = {
        "qualifier": "qualifier",
        "status": "status",
        "period": "period",
        "locality": "locality",
        "top1": "suggested_indicator_id top-1",
        "top2": "suggested_indicator_id top-2",
        "source_ref": "source_ref (no target)",
    }
    for key, label in labels.items():
        target = f"(mục tiêu/target ≥ {TARGETS[key]:.0f}%) {verdict(key)}" if key in TARGETS else ""
        out.append(f"  {label:<30} {ev.correct.get(key, 0):>4}/{ev.recalled} = {_pct(ev.percent(key)):>7} {target}")
    out.append(
        f"Thời gian (time): {format_vn(ev.seconds, 2)} s cho cả báo cáo (whole report, as a new report is read); "
        f"{format_vn(ev.seconds_leave_one_out, 2)} s leave-one-out"
    )
    out.append("Nhầm lẫn nhiều nhất (worst confusions: curated → candidate, count, first example):")
    for key in (*FIELDS, "indicator"):
        pairs = ev.confusions.get(key, Counter()).most_common(worst)
        if not pairs:
            continue
        out.append(f"  {key}:")
        for (truth, got), count in pairs:
            out.append(
                f"    {truth or '(trống)'!s} → {got or '(trống)'!s}: {count}  [{ev.examples[(key, truth, got)]}]"
            )
    if ev.missed:
        out.append(f"Không có ứng viên (not recalled): {', '.join(ev.missed[:10])}")
    return "\n".join(out)
