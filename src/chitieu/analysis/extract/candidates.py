"""Candidate rows of ``observations.csv`` from a raw text: one per statistic the coverage classifier finds.

Each number :func:`chitieu.analysis.coverage.classify_numbers` calls a statistic becomes a
:class:`Candidate` with the columns of ``observations.csv`` filled in where the text allows — quote
(:mod:`.clauses`), source reference (:mod:`.sections`), value, qualifier (:mod:`.qualifiers`), status
(:mod:`.statuses`), period (:mod:`.periods`), locality (:mod:`.localities`) — and the suggested indicator with
its runner-up (:mod:`.suggest`), the number as written, its line and whether the same value for the same
indicator and period is already in the data (``known``). A person reviews them (``chitieu.book.workbook``
writes the review file) and imports the accepted ones (:mod:`chitieu.data.importer`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from chitieu.analysis.coverage import STATISTIC, classify_numbers
from chitieu.analysis.extract.clauses import around, quote_span
from chitieu.analysis.extract.localities import locality_of
from chitieu.analysis.extract.periods import (
    ANNUAL_RE,
    FLOW_RE,
    RANGE,
    STOCK_RE,
    ReportYears,
    Scope,
    mentions_in,
    period_of,
    term_years,
)
from chitieu.analysis.extract.qualifiers import qualifier_of
from chitieu.analysis.extract.sections import LinePlace, line_places, markers_in
from chitieu.analysis.extract.statuses import PLAN_CONTEXT_RE, status_of
from chitieu.analysis.extract.suggest import QUERY_WEIGHTS, IndicatorIndex, build_index, number_role, section_of
from chitieu.analysis.extract.units import written_units
from chitieu.data.localities import Localities
from chitieu.data.periods import parse_period
from chitieu.data.vnnum import find_numbers

_PLANS_PART_RE = re.compile(r"NHIỆM VỤ|PHƯƠNG HƯỚNG|KẾ HOẠCH", re.IGNORECASE)


@dataclass
class Candidate:
    """One statistic of the text as a row to review.

    ``line`` is 1-based; ``start``/``end`` are the number's offsets in its line and ``quote_start`` the quote's.
    ``suggestions`` holds up to two ``(indicator_id, confidence)`` pairs, best first; ``period_basis`` is the
    phrase the period was read from (empty for a default) and ``period_scope`` where it was found (see
    :func:`_scopes`).
    """

    line: int
    start: int
    end: int
    number_text: str
    value: Decimal
    quote_start: int
    source_quote: str
    source_ref: str
    qualifier: str
    status: str
    period: str
    locality: str
    suggestions: list[tuple[str, float]] = field(default_factory=list)
    known: bool = False
    period_basis: str = ""
    period_scope: int | None = None

    @property
    def indicator_id(self) -> str:
        """The suggested indicator ('' when nothing fits)."""
        return self.suggestions[0][0] if self.suggestions else ""

    @property
    def value_text(self) -> str:
        """The value the machine way, with the decimals as written (``"206.472"``, ``"5.0"``, ``"7943"``)."""
        return format(self.value, "f")


def report_years(sidecar: dict, text: str) -> ReportYears:
    """The report's year (sidecar ``date_iso``, else the first year in ``date``) and the term the text names.

    Raises
    ------
    ValueError
        When the sidecar gives no year.
    """
    for key in ("date_iso", "date"):
        m = re.search(r"(?:19|20)\d\d", str(sidecar.get(key) or ""))
        if m:
            as_of = int(m.group(0))
            break
    else:
        raise ValueError("the sidecar has no date_iso (or date) with a year")
    term = term_years(text)
    return ReportYears(as_of, *(term or (None, None)))


def read_raw(path: Path) -> tuple[str, dict]:
    """A raw text (UTF-8, normalised to NFC as the validator reads it) and its sidecar (``{}`` when absent)."""
    path = Path(path)
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    sidecar_path = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    sidecar = json.loads(sidecar_path.read_text(encoding="utf-8")) if sidecar_path.is_file() else {}
    return text, sidecar


def _anchor(lines: list[str], place: LinePlace) -> tuple[str, int] | None:
    """For a footnote: the line that carries its marker and the marker's offset in it (None otherwise)."""
    if not (place.is_footnote and place.anchor):
        return None
    anchor_line = lines[place.anchor - 1]
    number = int(place.ref.rsplit(":fn", 1)[1])
    return anchor_line, next((pos for n, pos in markers_in(anchor_line) if n == number), len(anchor_line))


def _anchor_locality(lines: list[str], place: LinePlace, localities) -> str:
    """For a footnote whose figure names no place: the one locality of the clause its marker ends (``làng nghề
    … - <commune>⁶``: the households footnote ⁶ counts are that commune's); ``""`` otherwise."""
    anchored = _anchor(lines, place)
    if anchored is None:
        return ""
    anchor_line, pos = anchored
    clause = around(anchor_line, max(pos - 1, 0))
    return locality_of(localities, anchor_line[clause.clause_start : pos])


def _scopes(lines: list[str], place: LinePlace, line_no: int, start: int, end: int) -> list[Scope]:
    """Where to look for the period of the number ``lines[line_no - 1][start:end]``, nearest first."""
    line = lines[line_no - 1]
    where = around(line, start)
    # After the number, only up to the next number: a phrase after that one is about it.
    following = [n.start for n in find_numbers(line[end : where.clause_end])]
    after_end = end + following[0] if following else where.clause_end
    scopes = [
        Scope(line, where.clause_start, start),
        Scope(line, end, after_end, nearest_last=False),
        Scope(line, where.sentence_start, where.clause_start),
        Scope(line, 0, where.sentence_start),
    ]
    if anchor := _anchor(lines, place):
        scopes.append(Scope(anchor[0], 0, anchor[1]))
    return scopes


_FULL_STOP_RE = re.compile(r"\.\s")


def _flow_or_stock(sentence: str, clause: str) -> bool | None:
    """True: the text says what was done; False: what there is; None: it says neither."""
    if STOCK_RE.search(clause):
        return False
    if FLOW_RE.search(sentence):
        return True
    return None


def _is_flow(lines: list[str], place: LinePlace, line: str, where, start: int, end: int) -> bool:
    """The number counts what was done: a word of :data:`FLOW_RE` earlier in its sentence (to the last full
    stop), none of :data:`STOCK_RE` earlier in its clause, and no ``%`` after it (a rate is read at a date). A
    footnote saying neither takes what the clause of its marker says."""
    if line[end:].lstrip().startswith(("%", "/")) or line[:start].endswith("/"):
        return False  # a rate, or a part of a whole (264/264): read at a date
    stops = [m.end() for m in _FULL_STOP_RE.finditer(line, 0, start)]
    said = _flow_or_stock(line[stops[-1] if stops else 0 : start], line[where.clause_start : start])
    anchor = _anchor(lines, place)
    if said is None and anchor:
        anchor_line, marker = anchor
        clause = around(anchor_line, max(marker - 1, 0))
        stops = [m.end() for m in _FULL_STOP_RE.finditer(anchor_line, 0, marker)]
        said = _flow_or_stock(
            anchor_line[stops[-1] if stops else 0 : marker], anchor_line[clause.clause_start : marker]
        )
    return bool(said)


def _future_ok(scope: Scope, mention) -> bool:
    """A mention ending after the report's year is a period in a plan's context (its clause, up to it)."""
    clause = around(scope.text, mention.start)
    return bool(PLAN_CONTEXT_RE.search(scope.text[clause.clause_start : clause.clause_end]))


def section_ranges(lines: list[str], places: list[LinePlace], years: ReportYears) -> dict[str, str]:
    """The multi-year period each top section (``P1:B.III``) names most often, ending by the report's year."""
    counts: dict[str, dict[str, int]] = {}
    for line, place in zip(lines, places):
        top = _top_section(place.section)
        for m in mentions_in(line, years):
            if m.kind == RANGE and m.end_year <= years.as_of:
                bucket = counts.setdefault(top, {})
                bucket[m.period] = bucket.get(m.period, 0) + 1
    out = {top: max(sorted(c), key=c.get) for top, c in counts.items()}
    whole: dict[str, int] = {}
    for c in counts.values():
        for period, n in c.items():
            whole[period] = whole.get(period, 0) + n
    if whole:
        out[""] = max(sorted(whole), key=whole.get)
    return out


def _top_section(section: str) -> str:
    """``P1:B.III.1.3`` → ``P1:B.III`` (part, letter and Roman numeral)."""
    part, _, path = section.partition(":")
    return part + ":" + ".".join(p for p in path.split(".") if not p.isdigit())


def own_segment(line: str, start: int, end: int, clause_start: int, clause_end: int) -> str:
    """The words of the number's clause that belong to it alone: from the number before it (or the clause's
    start) to the number after it (or the clause's end). ``kiểm tra 13 tổ chức đảng, 17 đảng viên`` gives
    ``kiểm tra … tổ chức đảng`` to 13 and ``đảng viên`` to 17."""
    numbers = find_numbers(line[clause_start:clause_end])
    lo = max([clause_start + n.end for n in numbers if clause_start + n.end <= start], default=clause_start)
    hi = min([clause_start + n.start for n in numbers if clause_start + n.start >= end], default=clause_end)
    return line[lo:start] + " " + line[end:hi]


def build_candidates(
    text: str,
    years: ReportYears,
    localities: Localities,
    index: IndicatorIndex | None,
    known: set[tuple[str, str, Decimal]] | None = None,
    *,
    leave_place_out: bool = False,
) -> list[Candidate]:
    """Every statistic of ``text`` as a :class:`Candidate`, in text order.

    Parameters
    ----------
    text : str
        The raw text (NFC).
    years : ReportYears
        Its year and term (:func:`report_years`).
    localities : Localities
        The known wards and communes.
    index : IndicatorIndex or None
        Indicators and earlier quotes for the suggestion (None: no suggestion).
    known : set of (str, str, Decimal), optional
        ``(indicator_id, period, value)`` already in the data.
    leave_place_out : bool
        Never use an earlier quote lying at the candidate's place to suggest its indicator (evaluation).
    """
    lines = text.split("\n")
    places = line_places(lines)
    counts: dict[str, int] = {}

    def occurrences(piece: str) -> int:
        if piece not in counts:
            counts[piece] = text.count(piece)
        return counts[piece]

    plans_parts = {p.part_title for p in places if _PLANS_PART_RE.search(p.part_title)}
    ranges = section_ranges(lines, places, years)
    out: list[Candidate] = []
    for number in classify_numbers(text, tuple(localities.by_variant)):
        if number.kind != STATISTIC:
            continue
        line = lines[number.line - 1]
        place = places[number.line - 1]
        q_start, q_end = quote_span(line, number.start, number.end, occurrences)
        where = around(line, number.start)
        before = line[where.clause_start : number.start]
        plans_part = place.part_title in plans_parts
        scopes = _scopes(lines, place, number.line, number.start, number.end)
        found = period_of(
            scopes,
            years,
            annual=bool(ANNUAL_RE.search(line[where.clause_start : where.clause_end])),
            plans_part=plans_part,
            future_ok=_future_ok,
            flow=_is_flow(lines, place, line, where, number.start, number.end),
            default_range=ranges.get(_top_section(place.section), ranges.get("")),
        )
        status_texts = [before]
        if found.mention is not None:
            scope_text = scopes[found.scope].text
            mention_clause = around(scope_text, found.mention.start)
            status_texts.append(scope_text[mention_clause.clause_start : found.mention.end])
        period_start = parse_period(found.period).start_year
        quote = line[q_start:q_end]
        candidate = Candidate(
            line=number.line,
            start=number.start,
            end=number.end,
            number_text=number.text,
            value=number.value,
            quote_start=q_start,
            source_quote=quote,
            source_ref=place.ref,
            qualifier=qualifier_of(before, line[number.end :]),
            status=status_of(status_texts, period_start, years.as_of, plans_part=plans_part),
            period=found.period,
            locality=locality_of(localities, quote) or _anchor_locality(lines, place, localities),
            period_basis=scopes[found.scope].text[found.mention.start : found.mention.end] if found.mention else "",
            period_scope=found.scope,
        )
        if index is not None:
            sentence = line[where.sentence_start : where.sentence_end]
            texts = {
                "own": own_segment(line, number.start, number.end, where.clause_start, where.clause_end),
                "clause": line[where.clause_start : where.clause_end],
                "quote": quote,
                "sentence": sentence,
                "heading": place.heading,
            }
            query = index.query([(texts[k], w) for k, w in QUERY_WEIGHTS.items()])
            if role := number_role(line, number.start, number.end):
                query[role] = QUERY_WEIGHTS["own"]
            candidate.suggestions = index.suggest(
                query,
                written_units(line[number.end :]),
                section_of(place.ref),
                (number.line, number.start) if leave_place_out else None,
            )
        if known is not None:
            candidate.known = (candidate.indicator_id, candidate.period, candidate.value) in known
        out.append(candidate)
    return out


def earlier_quotes(ds) -> list[tuple[str, str, str, tuple[Decimal, ...]]]:
    """``(indicator_id, quote, source_ref, values)`` of every observation and target of a dataset."""
    obs = ds.observations
    out = [
        (iid, quote, ref, (Decimal(value),))
        for iid, quote, ref, value in zip(
            obs["indicator_id"], obs["source_quote"], obs["source_ref"], obs["value_text"]
        )
    ]
    tgt = ds.targets
    for iid, quote, ref, low, high in zip(
        tgt["indicator_id"], tgt["source_quote"], tgt["source_ref"], tgt["low"], tgt["high"]
    ):
        bounds = tuple(Decimal(repr(v)) for v in (low, high) if v == v)  # NaN: no bound
        out.append((iid, quote, ref, bounds))
    return out


@dataclass
class CandidateRun:
    """The candidates of one raw text and what they were read against."""

    raw_file: Path
    years: ReportYears
    candidates: list[Candidate]
    index: IndicatorIndex
    localities: Localities


def candidates_for(raw_file: Path, data_dir: Path, as_of: int | None = None) -> CandidateRun:
    """Read ``raw_file`` and build its candidates against the validated data of ``data_dir``.

    Parameters
    ----------
    raw_file : Path
        A raw text (UTF-8); its sidecar ``<name>.meta.json`` beside it gives the report's year (``date_iso``).
    data_dir : Path
        The data folder: indicators and earlier quotes for the suggestion, localities, and the rows already
        there (``known``).
    as_of : int, optional
        The report's year, when the sidecar does not give it.

    Raises
    ------
    chitieu.data.errors.DataValidationError
        When the data are not valid.
    ValueError
        When neither the sidecar nor ``as_of`` gives the report's year.
    """
    from chitieu.data.load import load_dataset
    from chitieu.data.localities import read_localities

    text, sidecar = read_raw(raw_file)
    years = report_years({"date_iso": str(as_of)} if as_of else sidecar, text)
    ds = load_dataset(data_dir)
    index = build_index(ds.indicators.to_dict("records"), earlier_quotes(ds), text.split("\n"))
    known = {
        (iid, period, Decimal(value))
        for iid, period, value in zip(
            ds.observations["indicator_id"], ds.observations["period"], ds.observations["value_text"]
        )
    }
    localities = read_localities(Path(data_dir))
    return CandidateRun(
        Path(raw_file), years, build_candidates(text, years, localities, index, known), index, localities
    )
