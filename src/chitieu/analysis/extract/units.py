"""The unit written next to a number, and the indicator units it agrees with.

The units and their Vietnamese labels are the data contract's (:func:`unit_labels`). After a number, the first
word (``tỷ`` of *tỷ đồng*, ``ha`` of *2.333ha*, ``%``, ``m³``) is compared with the labels' first words: a
match restricts the indicator to those units (``%`` agrees with every unit whose label holds ``%``: *%*,
*% kế hoạch*, *điểm %*), and when all the words of some of those labels follow (*người/năm*), to these. A
number followed by any other word (*28/38 trường*, *02 HTX*) is a count of things: it agrees with the units
whose label is empty or a noun (*người*, *hộ*, *đảng viên*, …), never with a measure.
"""

from __future__ import annotations

import functools
import re

_TOKEN_RE = re.compile(r"%|[^\W\d_]+|\S")
_WINDOW = 30
_SYMBOLS = frozenset({"%", "m²", "m³"})


def unit_labels() -> dict[str, str]:
    """Every unit id of the data contract and its Vietnamese label (``{"billion_vnd": "tỷ đồng", …}``), read
    through :func:`chitieu.data.reviewsheet.contract_codes`."""
    from chitieu.data.reviewsheet import contract_codes

    return contract_codes()["unit"]


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN_RE.findall(text)]


@functools.lru_cache(maxsize=1)
def _label_tokens() -> dict[str, tuple[str, ...]]:
    return {unit: tuple(_tokens(label)) for unit, label in unit_labels().items()}


COUNTED = frozenset({"count", "persons", "households", "party_members", "beds", "workdays", "person_times"})
"""Units of things counted (the others measure: money, area, length, mass, volume, rates). The labels cannot
tell ``hộ`` (households) from ``ha`` (hectares); the contract has no such column yet."""


def counting_units() -> frozenset[str]:
    """The units of :data:`COUNTED` that the contract defines."""
    return COUNTED & frozenset(unit_labels())


def written_units(after: str) -> frozenset[str] | None:
    """The units that agree with the text written right after a number.

    Parameters
    ----------
    after : str
        The line after the number (``"ha rừng tập trung"``, ``" tỷ đồng, …"``, ``"/38 trường"``).

    Returns
    -------
    frozenset of str or None
        The unit ids the number can be in; :func:`counting_units` when the word after it is no unit's;
        None when nothing follows the number.

    Examples
    --------
    >>> sorted(written_units(" tỷ đồng")), sorted(written_units(" người/năm"))
    (['billion_vnd'], ['persons_per_year'])
    >>> "percent" in written_units("%/năm"), "ha" in written_units("/38 trường")
    (True, False)
    """
    window = _tokens(after[:_WINDOW])
    if not window:
        return None
    first = window[0]
    labels = _label_tokens()
    if first in _SYMBOLS:
        matching = {u for u, toks in labels.items() if first in toks}
    else:
        matching = {u for u, toks in labels.items() if toks and toks[0] == first}
    if not matching:
        return counting_units()
    # A label of several words written in full (người/năm, % kế hoạch) says which unit it is.
    complete = {u for u in matching if len(labels[u]) > 1 and _follows(labels[u], window)}
    if complete:
        longest = max(len(labels[u]) for u in complete)
        return frozenset(u for u in complete if len(labels[u]) == longest)
    return frozenset(matching)


def _follows(label: tuple[str, ...], window: list[str]) -> bool:
    """All the label's tokens occur in ``window`` in order, starting at its first token."""
    i = 0
    for token in window:
        if i < len(label) and token == label[i]:
            i += 1
    return i == len(label) and window[0] == label[0]
