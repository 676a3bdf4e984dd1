"""Which report years the data can describe, and why a year is refused.

A key figure "for" year Y is a whole-town observation of a key indicator (resolution_no 1–14), not a
plan, whose period ends in Y (a year, a part of it, or a multi-year period ending in Y). Rule: the book
is built for Y only when at least ``MIN_KEY_FIGURES`` key indicators have a figure for Y; the indicators
without one are listed (with the nearest years that have one) and shown as "chưa có số liệu" in the book.
A year with no key figure at all (e.g. 2024 before the end-of-term report arrives) stops the build before
anything is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.data.load import Dataset

MIN_KEY_FIGURES = 1


@dataclass
class YearCoverage:
    """Key indicators with and without a figure for one year."""

    year: int
    present: list[int] = field(default_factory=list)
    missing: list[tuple[int, str, str, list[int]]] = field(default_factory=list)  # (no, id, name, nearest years)

    def describe_missing(self) -> str:
        lines = []
        for no, iid, name, nearest in self.missing:
            near = ", ".join(str(y) for y in nearest) or "không năm nào / none"
            lines.append(f"  ({no}) {name} [{iid}]: năm gần nhất có số liệu / nearest years with data: {near}")
        return "\n".join(lines)


class YearDataError(Exception):
    """The data has no key figure for the requested report year."""


def key_years(ds: Dataset) -> dict[str, set[int]]:
    """For each key indicator, the years for which it has a whole-town figure."""
    key = ds.indicators[ds.indicators["resolution_no"].notna()]
    obs = ds.observations[(ds.observations["locality"] == "") & (ds.observations["status"] != "plan")]
    return {iid: set(obs.loc[obs["indicator_id"] == iid, "end_year"].astype(int)) for iid in key.index}


def key_coverage(ds: Dataset, year: int) -> YearCoverage:
    """Which key indicators have a figure for ``year``, and the nearest years for the others."""
    coverage = YearCoverage(year)
    years = key_years(ds)
    key = ds.indicators[ds.indicators["resolution_no"].notna()].sort_values("resolution_no")
    for iid, row in key.iterrows():
        no = int(row["resolution_no"])
        have = years.get(iid, set())
        if year in have:
            coverage.present.append(no)
        else:
            nearest = sorted(have, key=lambda y: (abs(y - year), y))[:2]
            coverage.missing.append((no, iid, row["name_vi"], sorted(nearest)))
    return coverage


def check_report_year(ds: Dataset, year: int) -> YearCoverage:
    """Refuse a year without key figures (see the module rule); return the coverage otherwise.

    Raises
    ------
    YearDataError
        With the list of key indicators lacking data for ``year`` and the nearest years that have it.
    """
    coverage = key_coverage(ds, year)
    if len(coverage.present) < MIN_KEY_FIGURES:
        raise YearDataError(
            f"Không có số liệu chỉ tiêu chủ yếu nào cho năm {year}: không dựng sách.\n"
            f"No key-indicator figure for {year}: the book is not built (book/ and _build/ untouched).\n"
            f"Thiếu số liệu / missing for {year}:\n{coverage.describe_missing()}\n"
            "Thêm số liệu của năm này vào data/observations.csv (xem README, 'Thêm số liệu năm mới')."
        )
    return coverage
