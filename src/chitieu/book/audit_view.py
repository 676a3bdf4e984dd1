"""The audit in the book: verdict labels and colours, tables, the summary chart, findings and the ⚠ marker.

The results come from :mod:`chitieu.analysis.audit`; this module only words and draws them. Findings are
shown by root cause (``checks.finding_id``): one entry per finding, its checks under it, each with its
Vietnamese title, its verdict, the quotes side by side (each linked to its place in the report's text,
:mod:`chitieu.book.reporttext`) and the arithmetic step by step. The HTML is made by the Jinja2 templates of
``chitieu/book/templates`` (``audit_*.html``) with autoescaping on, so every text from the data reaches the
page as text. Links to pages come from the chapter registry passed in
(:func:`chitieu.book.registry.load_registry`): the audit pages are the chapter with ``role: audit`` (the findings
of :data:`ATTENTION_STATUSES`) and its appendix with ``role: audit_appendix`` (the others), a figure's
pages are the key indicators' page (``role: key_indicators``) when it belongs to a key indicator and the page
presenting its topic; the titles shown are the chapters' own headings.
"""

from __future__ import annotations

import functools
import re

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from jinja2.ext import Extension

from chitieu.analysis.audit import (
    KINDS,
    STATUS_ORDER,
    Correction,
    Evidence,
    FindingResult,
    Result,
    finding_counts,
    kind_counts,
    status_counts,
)
from chitieu.book.registry import Chapter, Registry
from chitieu.data import contract
from chitieu.data.load import Dataset
from chitieu.data.periods import format_period
from chitieu.data.sourceref import format_source_ref
from chitieu.data.vnnum import format_vn

STATUS_ICONS = {"fail": "✘", "implausible": "◇", "reading": "✎", "rounding": "≈", "pass": "✔", "unverifiable": "?"}
STATUS_LABELS: dict[str, tuple[str, str]] = {
    status: (STATUS_ICONS[status], word) for status, word in contract.labels_vi("audit", "status").items()
}
"""Icon and word of each verdict (the words are the schema's labels, ``data/schema/audit.schema.yaml``)."""
STATUS_COLOURS = {
    # Okabe–Ito; the icon and the word always go with the colour.
    "fail": "#D55E00",
    "implausible": "#CC79A7",
    "reading": "#0072B2",
    "rounding": "#E69F00",
    "pass": "#009E73",
    "unverifiable": "#999999",
}
ATTENTION_STATUSES = ("fail", "implausible", "reading")
"""Verdicts a reader must weigh: their findings are on the audit chapter itself; the checks that hold (exactly or
by rounding) and those that cannot be checked are on its appendix (:func:`audit_page`), which keeps the chapter
light on a phone."""
APPENDIX_STATUSES = tuple(s for s in STATUS_ORDER if s not in ATTENTION_STATUSES)
SUMMARY_COLUMNS = {
    "status": "Kết quả kiểm tra",
    "findings": "Số phát hiện",
    "count": "Số phép kiểm tra",
    "share": "Tỷ lệ phép kiểm tra",
}
OVERVIEW_COLUMNS = ("Phát hiện", "Kết quả", "Số phép kiểm tra")
CORRECTION_DISPLAY_COLUMNS = {
    "indicator": "Số liệu",
    "chosen": "Cuốn sách dùng",
    "rejected": "Để riêng (không dùng cho biểu đồ)",
    "reason": "Lý do",
    "checks": "Phép kiểm tra liên quan",
}


class _JoinedLines(Extension):
    """The templates are written one element a line, for reading; they are compiled with their lines joined
    (each line break and the indentation after it removed), so the page gets markup as compact as the
    f-strings gave. No text of the templates runs across a line break, and the data's own texts are
    untouched (this works on the template's source, before any value is put in)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n[ \t]*", "", source)


@functools.cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("chitieu.book", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=[_JoinedLines],
    )


def render(template: str, **values) -> str:
    """Render ``templates/<template>`` with autoescaping (every value that is not markup is escaped)."""
    return _templates().get_template(template).render(**values)


# ------------------------------------------------------------------------------- labels, tables
def status_label(status: str) -> str:
    """Icon and word: ``"✘ Không khớp"``."""
    icon, word = STATUS_LABELS[status]
    return f"{icon} {word}"


KIND_COLUMNS = {"kind": "Loại quan hệ", "n": "Số phép", **{s: status_label(s) for s in STATUS_ORDER}}


def summary_table(results: list[Result], findings: list[FindingResult] | None = None) -> pd.DataFrame:
    """Counts by verdict, worst first, as display strings: findings (when given), checks and their share."""
    counts = status_counts(results)
    by_finding = finding_counts(findings) if findings is not None else None
    total = sum(counts.values()) or 1
    frame = pd.DataFrame(
        {
            "status": [status_label(s) for s in counts],
            "count": [format_vn(n) for n in counts.values()],
            "share": [f"{format_vn(n / total * 100, 1)}%" for n in counts.values()],
        }
    )
    if by_finding is not None:
        frame.insert(1, "findings", [format_vn(by_finding[s]) for s in counts])
    return frame


def kind_table(results: list[Result]) -> pd.DataFrame:
    """Counts by kind and verdict as display strings."""
    rows = []
    for kind, n in kind_counts(results).items():
        counts = status_counts([r for r in results if r.check.kind == kind])
        rows.append({"kind": KINDS[kind][3], "n": format_vn(n), **{s: format_vn(counts[s]) for s in STATUS_ORDER}})
    return pd.DataFrame(rows)


def summary_chart(results: list[Result]):
    """Bars of the number of checks by verdict (icon + word on the axis, Okabe–Ito colours)."""
    import altair as alt

    counts = status_counts(results)
    data = pd.DataFrame(
        {
            "label": [status_label(s) for s in counts],
            "n": list(counts.values()),
            "n_vi": [format_vn(n) for n in counts.values()],
            "order": range(len(counts)),
        }
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=list(data["label"])),
            x=alt.X("n:Q", title="Số phép kiểm tra", axis=alt.Axis(format=",~f", tickCount=5)),
            color=alt.Color(
                "label:N",
                legend=None,
                scale=alt.Scale(domain=[status_label(s) for s in counts], range=[STATUS_COLOURS[s] for s in counts]),
            ),
            tooltip=[alt.Tooltip("label:N", title="Kết quả"), alt.Tooltip("n_vi:N", title="Số phép kiểm tra")],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4)
        .encode(y=alt.Y("label:N", sort=list(data["label"])), x="n:Q", text="n_vi:N")
    )
    return (bars + text).properties(width=420, height=alt.Step(28))


def fraction_text(ds: Dataset, result: Result) -> str:
    """The fraction behind a ``percent`` check as the report writes it, e.g. ``"31/38"``."""
    if result.check.kind != "percent" or len(result.check.obs_ids) != 3:
        raise ValueError(f"{result.check_id} is not a percent check with numerator and denominator")
    num, den = result.check.obs_ids[1:]
    obs = ds.observations
    num_text = format_vn(obs.loc[num, "value"], int(obs.loc[num, "decimals"]))
    den_text = format_vn(obs.loc[den, "value"], int(obs.loc[den, "decimals"]))
    return f"{num_text}/{den_text}"


def corrections_table(ds: Dataset, corrections: list[Correction], results: list[Result]) -> pd.DataFrame:
    """Corrections as display strings: the figure used, the figures set aside, why, and the checks (by title)."""
    ev = Evidence(ds)
    titles = {r.check_id: r.check.description_vi for r in results}
    return pd.DataFrame(
        {
            "indicator": [
                ds.indicators.loc[c.indicator_id, "name_vi"] + f" ({format_period(c.period)})" for c in corrections
            ],
            "chosen": [f"{ev.stated_text(c.chosen_obs_id)} — “{ev.quote(c.chosen_obs_id)}”" for c in corrections],
            "rejected": [
                "; ".join(f"{ev.stated_text(o)} — “{ev.quote(o)}”" for o in c.rejected_obs_ids) for c in corrections
            ],
            "reason": [c.reason_vi for c in corrections],
            "checks": ["; ".join(titles.get(cid, cid) for cid in c.check_ids) for c in corrections],
        }
    )


# ------------------------------------------------------------------------------------ links
def finding_anchor(check_id: str) -> str:
    """The HTML id of a check on the audit page: ``check-<id>`` (check ids are ``a-z 0-9 _``)."""
    return f"check-{check_id}"


def group_anchor(finding_id: str) -> str:
    """The HTML id of a finding (root cause) on the audit page: ``finding-<id>``."""
    return f"finding-{finding_id}"


def audit_page(status: str, registry: Registry) -> Chapter:
    """The page that shows the findings of verdict ``status``: the audit chapter (``role: audit``) for
    :data:`ATTENTION_STATUSES`, its appendix (``role: audit_appendix``) for the others."""
    return registry.with_role("audit" if status in ATTENTION_STATUSES else "audit_appendix")


def findings_on_page(findings: list[FindingResult], statuses: tuple[str, ...]) -> list[FindingResult]:
    """The findings a page of the audit shows (those whose verdict is one of ``statuses``), in file order."""
    return [f for f in findings if f.status in statuses]


def results_of(findings: list[FindingResult]) -> list[Result]:
    """The checks of ``findings``, finding by finding (what a page of the audit shows, and counts)."""
    return [res for finding in findings for res in finding.results]


def statuses_in_words(statuses: tuple[str, ...]) -> str:
    """The verdicts' words in lower case, joined: ``"khớp khi làm tròn, khớp, không kiểm chứng được"``."""
    return ", ".join(STATUS_LABELS[status][1].lower() for status in statuses)


def finding_href(check_id: str, registry: Registry | None = None, finding_status: str = "fail") -> str:
    """Link to a check: ``<page>.html#check-<id>``, the page being the one that shows findings of
    ``finding_status`` (the verdict of the check's finding, :func:`chitieu.analysis.audit.finding_status_by_check`;
    a failing check's finding always fails); ``#check-<id>`` on that page itself (``registry`` None)."""
    anchor = f"#{finding_anchor(check_id)}"
    return anchor if registry is None else audit_page(finding_status, registry).page + anchor


def page_link_html(chapter: Chapter) -> str:
    """A link to a chapter of the book, read as its number and title ("chương 14, Các phép kiểm tra …")."""
    import html

    label = f"chương {chapter.number}, {chapter.title}" if chapter.number else chapter.title
    return f'<a href="{html.escape(chapter.page)}">{html.escape(label)}</a>'


def marker_html(obs_id: str, failed: dict[str, list[str]], registry: Registry) -> str:
    """A visible marker for a figure that fails a check, linking to each check; ``""`` otherwise.

    ``failed`` is :func:`chitieu.analysis.audit.failed_obs_ids` output. The marker is icon + words (never
    colour alone); its links read "xem phép kiểm tra" (numbered when there are several), not check ids.
    """
    ids = list(dict.fromkeys(failed.get(obs_id, ())))
    if not ids:
        return ""
    links = [
        {"href": finding_href(cid, registry), "text": "xem phép kiểm tra" if len(ids) == 1 else f"phép {i}"}
        for i, cid in enumerate(ids, start=1)
    ]
    return render("audit_marker.html", links=links)


def chapter_pages(ds: Dataset, obs_ids: list[str], registry: Registry) -> list[Chapter]:
    """Chapters where the figures are used: a key indicator's page and the page of its indicator's topic."""
    key_page = registry.with_role("key_indicators")
    topic_pages = registry.topic_pages()
    pages: list[Chapter] = []
    for oid in obs_ids:
        ind = ds.indicators.loc[ds.observations.loc[oid, "indicator_id"]]
        if not pd.isna(ind["resolution_no"]):
            pages.append(key_page)
        pages.append(topic_pages[ind["chapter"]])
    return list({page.name: page for page in pages}.values())


# --------------------------------------------------------------------------------- findings
def check_view(ds: Dataset, res: Result, registry: Registry, *, detailed: bool = True, links=None) -> dict:
    """What the template of one check shows: texts only (the template escapes them), its pages, and links of
    its quotes into the report's text (``links``: :func:`chitieu.book.reporttext.report_links`)."""
    ev = Evidence(ds)
    cards = None
    if detailed:
        cards = [
            {
                "label": ev.label(oid),
                "stated": ev.stated_text(oid),
                "quote": ev.quote(oid),
                "source": format_source_ref(ds.observations.loc[oid, "source_ref"]),
                "href": (links.obs_href(oid) if links is not None else None) or "",
                "evidence": False,
            }
            for oid in res.obs_ids
        ]
        if res.check.evidence_quote:
            href = links.quote_href(res.check.evidence_quote, res.check.source_ref) if links is not None else None
            cards.append(
                {
                    "label": "Câu báo cáo được kiểm tra",
                    "stated": "",
                    "quote": res.check.evidence_quote,
                    "source": format_source_ref(res.check.source_ref),
                    "href": href or "",
                    "evidence": True,
                }
            )
    pages = chapter_pages(ds, res.obs_ids, registry) if res.obs_ids else [registry.with_role("key_indicators")]
    return {
        "check_id": res.check_id,
        "anchor": finding_anchor(res.check_id),
        "status": res.status,
        "status_label": status_label(res.status),
        "title": res.check.description_vi,
        "kind": KINDS[res.check.kind][3].lower(),
        "source": format_source_ref(res.check.source_ref),
        "message": res.message,
        "cards": cards,
        "steps": res.steps,
        "pages": pages,
        "compact": False,
    }


# Kept for the chapters and tests that show one check on its own.
finding_view = check_view


def finding_html(ds: Dataset, res: Result, registry: Registry, *, detailed: bool = True, links=None) -> str:
    """One check on its own: anchor ``check-<id>``, title, verdict, message, quotes, arithmetic, links."""
    view = check_view(ds, res, registry, detailed=detailed, links=links)
    return render("audit_check.html", c=view, level=3)


def group_view(ds: Dataset, finding: FindingResult, registry: Registry, links=None) -> dict:
    """One finding: its title, verdict, cause, and the views of its checks (quote cards except for passes)."""
    return {
        "anchor": group_anchor(finding.finding_id),
        "grouped": finding.grouped,
        "title": finding.title,
        "cause": finding.cause,
        "status": finding.status,
        "status_label": status_label(finding.status),
        "count": format_vn(len(finding.results)),
        "checks": [
            check_view(ds, r, registry, detailed=r.status != "pass" or not finding.grouped, links=links)
            for r in finding.results
        ],
    }


def findings_html(
    ds: Dataset,
    findings: list[FindingResult],
    status: str,
    registry: Registry,
    *,
    collapsed: bool = False,
    links=None,
) -> str:
    """Every finding whose verdict is ``status``, in file order: one entry each, its checks under it; optionally
    inside one collapsed ``<details>``. Agreeing checks standing alone are listed without their quote cards (the
    quotes are in audit.csv and in each chapter's figures table), and with the message alone, which states
    the relation and its figures: the page stays light on a phone."""
    chosen = [f for f in findings if f.status == status]
    views = [group_view(ds, f, registry, links) for f in chosen]
    if status == "pass":
        # Agreeing checks: the message states the relation and its figures; the quotes and the chapters are
        # in each chapter's figures table and in audit.csv (the page stays within its weight on a phone).
        for view in views:
            for check in view["checks"]:
                check.update(cards=None, steps=[], compact=True)
    return render(
        "audit_findings.html",
        findings=views,
        collapsed=collapsed,
        status_label=status_label(status),
        count=format_vn(len(chosen)),
    )


def overview_html(findings: list[FindingResult], statuses: tuple[str, ...]) -> str:
    """The findings of ``statuses`` as one table whose titles link to their entries below (every text escaped)."""
    rows = [
        {
            "href": f"#{group_anchor(f.finding_id) if f.grouped else finding_anchor(f.finding_id)}",
            "title": f.title,
            "status": f.status,
            "label": status_label(f.status),
            "count": format_vn(len(f.results)),
        }
        for status in statuses
        for f in findings
        if f.status == status
    ]
    return render("audit_overview.html", columns=OVERVIEW_COLUMNS, rows=rows)
