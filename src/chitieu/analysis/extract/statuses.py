"""The status of a candidate (``actual``, ``estimate``, ``plan``) from the words around it.

``ước`` (``ước tính``, ``ước đạt``, ``ước thực hiện``, ``dự ước``) makes an ``estimate``; so does ``dự kiến``
for the report's own year or before, while ``dự kiến`` for a later year, ``kế hoạch`` (a plan's figure, not
``đạt kế hoạch``), ``phấn đấu``, ``mục tiêu`` and ``đề ra`` make a ``plan``, as does a period that starts after
the report's year. Anything else is ``actual``. The words count in the number's clause before it and in the
clause of the period mention the number took (``năm 2023 … dự ước đạt 7.943 tỷ đồng, tăng 13,5%``: the 13,5% is
an estimate too).
"""

from __future__ import annotations

import re

ACTUAL = "actual"
ESTIMATE = "estimate"
PLAN = "plan"

_ESTIMATE_RE = re.compile(r"(?<!\w)(?:dự\s+)?ước(?!\w)", re.IGNORECASE)
_FORECAST_RE = re.compile(r"(?<!\w)dự\s+kiến(?!\w)", re.IGNORECASE)
# "kế hoạch" as a plan's figure: not "đạt/vượt/hoàn thành (chỉ tiêu) kế hoạch", nor "kế hoạch + a noun" that is
# itself counted ("08 kế hoạch bảo vệ môi trường").
_PLAN_RE = re.compile(
    r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu|đề\s+ra"
    r"|(?<!đạt\s)(?<!vượt\s)(?<!thành\s)(?<!tiêu\s)kế\s+hoạch(?=\s*(?:đề\s+ra|đến|năm|:|,|thu|trường|tăng)))(?!\w)",
    re.IGNORECASE,
)


# "đến cuối năm 2023" in a report written during 2023: the year has not ended, so the figure is an estimate
# (the rule data/observations.csv follows, stated in its rows' reading notes).
_YEAR_END_RE = re.compile(r"(?<!\w)cuối\s+năm\s+(\d{4})(?!\d)", re.IGNORECASE)


PLAN_CONTEXT_RE = re.compile(r"(?<!\w)(?:đề\s+ra|kế\s+hoạch|phấn\s+đấu|mục\s+tiêu|dự\s+kiến)(?!\w)", re.I)
"""Words around a future year that make it the period of a plan."""


def status_of(texts: list[str], period_start_year: int, as_of: int, *, plans_part: bool = False) -> str:
    """The status of a number.

    Parameters
    ----------
    texts : list of str
        The pieces of text whose words count (the clause before the number, the clause of its period mention).
    period_start_year : int
        First year of the number's period.
    as_of : int
        The report's year.
    plans_part : bool
        The number lies in a part of the report about the tasks ahead (a plan unless an estimate is said).

    Examples
    --------
    >>> status_of(["năm 2023 ước đạt "], 2023, 2023), status_of(["dự kiến đến cuối năm 2023 có thêm "], 2023, 2023)
    ('estimate', 'estimate')
    >>> status_of(["dự kiến năm 2025 "], 2025, 2023), status_of(["có "], 2022, 2023)
    ('plan', 'actual')
    >>> status_of(["đến cuối năm 2023 đạt "], 2023, 2023), status_of(["đến cuối năm 2022 đạt "], 2022, 2023)
    ('estimate', 'actual')
    """
    joined = " … ".join(texts)
    if _ESTIMATE_RE.search(joined):
        return ESTIMATE
    if any(int(year) == as_of for year in _YEAR_END_RE.findall(joined)) and period_start_year <= as_of:
        return ESTIMATE
    if _FORECAST_RE.search(joined):
        return ESTIMATE if period_start_year <= as_of else PLAN
    if period_start_year > as_of or _PLAN_RE.search(joined) or plans_part:
        return PLAN
    return ACTUAL
