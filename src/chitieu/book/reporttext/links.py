"""Links from the book into the report's text: to the number a row quotes, or to the line a quote is on.

Every chapter's figures table, the audit's quotes and the charts' data use :func:`report_links`; the links
are the same whatever part of the data a chapter sees, since a row's place depends only on the row and the
raw text (:mod:`chitieu.book.reporttext.places`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from chitieu.book.registry import Registry
from chitieu.book.reporttext.pages import ReportPage, page_of, split_pages
from chitieu.book.reporttext.places import (
    QuotedRow,
    TextPlaces,
    line_anchor,
    number_anchor,
    observation_rows,
    target_key,
    target_rows,
    text_places,
)
from chitieu.data.load import Dataset


@dataclass
class ReportLinks:
    """Where the rows of a dataset stand in the report's pages (``pages`` empty: the book has none)."""

    text: TextPlaces | None
    pages: tuple[ReportPage, ...]
    rows: dict[str, QuotedRow]

    def _href(self, line: int, anchor: str) -> str | None:
        page = page_of(self.pages, line)
        return page.href(anchor) if page is not None else None

    def row_href(self, key: str) -> str | None:
        """Link to the number a row quotes (``key``: an observation id, or :func:`target_key`)."""
        row = self.rows.get(key)
        if row is None or self.text is None:
            return None
        home = self.text.home(row)
        return self._href(home[0], number_anchor(*home)) if home else None

    def obs_href(self, obs_id: str) -> str | None:
        return self.row_href(obs_id)

    def target_href(self, indicator_id: str, source_ref: str) -> str | None:
        return self.row_href(target_key(indicator_id, source_ref))

    def quote_href(self, quote: str, source_ref: str = "") -> str | None:
        """Link to the line a verbatim quote is on (the line whose ``source_ref`` is ``source_ref`` first)."""
        if self.text is None or not quote:
            return None
        found = self.text.lines_with(quote)
        if not found:
            return None
        line = next((ln for ln, _ in found if self.text.places[ln - 1].ref == source_ref), found[0][0])
        return self._href(line, line_anchor(line))


def report_text(ds: Dataset) -> str | None:
    """The raw report's text among the dataset's sources (None when it is not there: a synthetic dataset)."""
    from chitieu.data.load import report_source

    try:
        return report_source(ds).text
    except FileNotFoundError:
        return None


def report_links(ds: Dataset, registry: Registry | None = None) -> ReportLinks:
    """The report's pages and where each observation and target of ``ds`` stands in them (``registry``: the
    chapters; read from the project holding ``ds.data_dir`` when not given)."""
    from chitieu.analysis.coverage import place_names

    text = report_text(ds)
    rows = {r.key: r for r in observation_rows(ds.observations) + target_rows(ds.targets)}
    if text is None:
        return ReportLinks(None, (), rows)
    if registry is None:
        registry = _project_registry(str(Path(ds.data_dir).resolve().parent))
    tp = text_places(text, place_names(ds.data_dir))
    return ReportLinks(tp, split_pages(registry, tp.places) if registry is not None else (), rows)


@functools.lru_cache(maxsize=4)
def _project_registry(root: str) -> Registry | None:
    """The chapter registry of a project folder, once per process (None for a folder without ``_toc.yml``)."""
    from chitieu.book.registry import TOC_FILE, load_registry

    return load_registry(Path(root)) if (Path(root) / TOC_FILE).is_file() else None


_BY_DATASET: dict[int, tuple[Dataset, ReportLinks]] = {}


def obs_report_href(ds: Dataset, obs_id: str) -> str:
    """Link from anywhere in the book to the number observation ``obs_id`` quotes in the report's text (``""``
    when the book has no report page for it). The links of a dataset are worked out once."""
    held = _BY_DATASET.get(id(ds))
    if held is None or held[0] is not ds:
        if len(_BY_DATASET) > 16:
            _BY_DATASET.clear()
        held = (ds, report_links(ds))
        _BY_DATASET[id(ds)] = held
    return held[1].obs_href(obs_id) or ""
