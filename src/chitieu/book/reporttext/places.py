"""Where every quoted number of the report stands: one anchor per number, the rows that quote it, and the
place each row links to.

A row of the data (an observation, or a target) quotes a verbatim passage of one line and states a value
written in it. Its number is found the way the coverage count finds it
(:func:`chitieu.analysis.coverage.claimed_numbers`): the numbers of the quote equal to the value, those written
with the value's decimals when there are several. A number some row claims is a *quoted number*; it gets one
anchor, ``so-<line>-<offset>`` (its line in the raw text and its offset in the line, which never change since
the raw text is never edited). Every row quoting it is listed on it.

A row's own link goes to one number: the first it claims, on the line of its quote whose ``source_ref``
(:func:`chitieu.analysis.extract.sections.line_places`) is the row's; failing that, in the row's section;
failing that, the first line holding the quote. A statistic no row claims keeps the reason
``data/coverage_skipped.csv`` gives (:mod:`chitieu.analysis.coverage`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal

from chitieu.analysis.coverage import (
    STATISTIC,
    UNEXPLAINED,
    ClassifiedNumber,
    claimed_numbers,
    classify_numbers,
    skip_keys,
)
from chitieu.analysis.coverage.matching import _as_decimal
from chitieu.analysis.extract.sections import LinePlace, line_places

ANCHOR_PREFIX = "so-"
LINE_PREFIX = "dong-"


def number_anchor(line: int, start: int) -> str:
    """The HTML id of the number at ``start`` of ``line``: ``so-114-23``."""
    return f"{ANCHOR_PREFIX}{line}-{start}"


def line_anchor(line: int) -> str:
    """The HTML id of a line (a paragraph, heading, list item or footnote) of the report: ``dong-114``."""
    return f"{LINE_PREFIX}{line}"


@dataclass(frozen=True)
class QuotedRow:
    """A row of the data that quotes the report: ``kind`` is ``observation`` or ``target``; ``key`` is the
    observation id, or ``<indicator_id>@<source_ref>`` for a target."""

    kind: str
    key: str
    quote: str
    values: tuple[Decimal, ...]
    source_ref: str


@dataclass
class Mark:
    """One number of the text as the report page shows it."""

    number: ClassifiedNumber
    rows: list[QuotedRow] = field(default_factory=list)
    reason: str = ""

    @property
    def anchor(self) -> str:
        return number_anchor(self.number.line, self.number.start)

    @property
    def quoted(self) -> bool:
        return bool(self.rows)


def observation_rows(observations) -> list[QuotedRow]:
    """Each observation as a :class:`QuotedRow` (its value as written)."""
    return [
        QuotedRow("observation", oid, quote, tuple(v for v in (_as_decimal(text),) if v is not None), ref)
        for oid, quote, text, ref in zip(
            observations["obs_id"], observations["source_quote"], observations["value_text"], observations["source_ref"]
        )
    ]


def target_key(indicator_id: str, source_ref: str) -> str:
    """How a target is named on the page and in links: ``gdp_growth_avg@P1:B.II:fn2``."""
    return f"{indicator_id}@{source_ref}"


def target_rows(targets) -> list[QuotedRow]:
    """Each target as a :class:`QuotedRow` (its low and high bounds)."""
    return [
        QuotedRow(
            "target",
            target_key(iid, ref),
            quote,
            tuple(v for v in (_as_decimal(low), _as_decimal(high)) if v is not None),
            ref,
        )
        for iid, quote, low, high, ref in zip(
            targets["indicator_id"], targets["source_quote"], targets["low"], targets["high"], targets["source_ref"]
        )
    ]


class TextPlaces:
    """The raw text's lines, where each lies (``source_ref``), its numbers, and the lines each quote is on."""

    def __init__(self, text: str, places: tuple[str, ...] = ()):
        self.lines = text.split("\n")
        self.places: list[LinePlace] = line_places(self.lines)
        self.numbers = classify_numbers(text, places)
        self._by_line: dict[int, list[ClassifiedNumber]] = {}
        for n in self.numbers:
            self._by_line.setdefault(n.line, []).append(n)

    def numbers_on(self, line: int) -> list[ClassifiedNumber]:
        return self._by_line.get(line, [])

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one object per raw text, kept for the process
    def lines_with(self, quote: str) -> tuple[tuple[int, int], ...]:
        """``(line, offset)`` of every occurrence of ``quote`` (overlapping ones too)."""
        out = []
        for line_no, line in enumerate(self.lines, start=1):
            pos = line.find(quote)
            while pos != -1:
                out.append((line_no, pos))
                pos = line.find(quote, pos + 1)
        return tuple(out)

    def claims(self, row: QuotedRow) -> list[tuple[int, int, int]]:
        """``(line, start, end)`` of every number ``row`` claims, over every occurrence of its quote."""
        if not row.quote:
            return []
        offsets = sorted(claimed_numbers(row.quote, list(row.values)))
        return [(line, pos + s, pos + e) for line, pos in self.lines_with(row.quote) for s, e in offsets]

    def home(self, row: QuotedRow) -> tuple[int, int] | None:
        """``(line, start)`` of the number a row links to (see the module docstring); None when it claims none."""
        claims = self.claims(row)
        if not claims:
            return None

        def rank(claim: tuple[int, int, int]) -> tuple[int, int, int]:
            place = self.places[claim[0] - 1]
            if place.ref == row.source_ref:
                return (0, claim[0], claim[1])
            if place.ref.startswith(row.source_ref) or row.source_ref.startswith(place.section):
                return (1, claim[0], claim[1])
            return (2, claim[0], claim[1])

        line, start, _ = min(claims, key=rank)
        return line, start


@functools.lru_cache(maxsize=8)
def text_places(text: str, places: tuple[str, ...] = ()) -> TextPlaces:
    """:class:`TextPlaces` of a raw text, built once per process."""
    return TextPlaces(text, places)


def marks(tp: TextPlaces, rows: list[QuotedRow], skipped: list[tuple[int, str, str]]) -> dict[tuple[int, int], Mark]:
    """Every statistic and every quoted number of the text, by ``(line, start)``: the rows quoting it, or the
    reason it is left out (``coverage_skipped.csv``; :data:`chitieu.analysis.coverage.UNEXPLAINED` when none)."""
    by_place = {(n.line, n.start): n for n in tp.numbers}
    out: dict[tuple[int, int], Mark] = {}
    for row in rows:
        for line, start, _ in tp.claims(row):
            number = by_place.get((line, start))
            if number is None:
                continue
            mark = out.setdefault((line, start), Mark(number))
            if row not in mark.rows:
                mark.rows.append(row)
    reasons = skip_keys(skipped)
    for n in tp.numbers:
        if n.kind == STATISTIC and (n.line, n.start) not in out:
            out[(n.line, n.start)] = Mark(n, reason=reasons.get((n.line, n.text), UNEXPLAINED))
    return out
