"""Which statistics of the text a row of the data quotes: the quote's place in the text and the numbers it states."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.analysis.coverage.rules import ClassifiedNumber
from chitieu.data.vnnum import find_numbers


@dataclass(frozen=True)
class QuoteSpan:
    """One occurrence of a quote in the raw text and the numbers in it that its rows state.

    ``claimed`` holds the ``(start, end)`` offsets, in the line, of the numbers of the quote that some row
    sharing this quote gives as its value.
    """

    line: int
    start: int
    end: int
    claimed: frozenset[tuple[int, int]]


def _as_decimal(value) -> Decimal | None:
    """A row's value as a Decimal; None for a missing value (NaN, None, empty).

    A float (a target's bound) keeps no written precision: ``2.0`` becomes ``Decimal("2")``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if value != value:
            return None
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    return Decimal(str(value))


def claimed_numbers(quote: str, values) -> frozenset[tuple[int, int]]:
    """Offsets, in ``quote``, of the numbers the rows quoting it state.

    A value claims every number of the quote equal to it; when some of those are written with the same
    decimals as the value, only those (``5.0`` in "dưới 5 tuổi … còn 5,0%" claims ``5,0``, not ``5``).
    ``values`` is any iterable of Decimals (a list keeps ``5`` and ``5.0`` apart; a set would not).
    """
    found = find_numbers(quote)
    out: set[tuple[int, int]] = set()
    for value in values:
        equal = [n for n in found if n.value == value]
        same_digits = [n for n in equal if n.value.as_tuple().exponent == value.as_tuple().exponent]
        out.update((n.start, n.end) for n in (same_digits or equal))
    return frozenset(out)


def quote_spans(lines: list[str], quoted: list[tuple[str, tuple[Decimal, ...]]]) -> dict[int, list[QuoteSpan]]:
    """Every occurrence of every quote in the text, by line, with the numbers its rows state.

    Parameters
    ----------
    lines : list of str
        The raw text's lines; line ``i`` (1-based) is ``lines[i - 1]``.
    quoted : list of (str, tuple of Decimal)
        Each row's ``source_quote`` and the values it states (an observation's value; a target's low and
        high). Rows sharing a quote are merged.

    Returns
    -------
    dict
        ``{line: [QuoteSpan, ...]}``: all occurrences of each quote on each line (overlapping ones too).
    """
    by_quote: dict[str, list[Decimal]] = {}
    for quote, values in quoted:
        if quote:
            by_quote.setdefault(quote, []).extend(values)
    out: dict[int, list[QuoteSpan]] = {}
    for quote in sorted(by_quote):
        claimed = claimed_numbers(quote, by_quote[quote])
        for line_no, line in enumerate(lines, start=1):
            pos = line.find(quote)
            while pos != -1:
                absolute = frozenset((pos + s, pos + e) for s, e in claimed)
                out.setdefault(line_no, []).append(QuoteSpan(line_no, pos, pos + len(quote), absolute))
                pos = line.find(quote, pos + 1)
    return out


def is_matched(number: ClassifiedNumber, spans: dict[int, list[QuoteSpan]]) -> bool:
    """True when a quote on the number's line covers it and one of the quote's rows states it."""
    return any((number.start, number.end) in q.claimed for q in spans.get(number.line, ()))
