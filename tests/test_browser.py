"""The built site, read in a real browser the way a reader on a government intranet reads it.

The site is built once per session in a temporary copy of the project (never the developer's
``_build/html``), served by a local HTTP server on 127.0.0.1, and opened in Debian's headless Chromium
(``/usr/bin/chromium``, installed by ``make browser``) driven by Playwright (:mod:`browserkit`; the reader
tests of phones, dark mode, slow links and downloads are in ``test_browser_reader.py``). Every request to any other
host is blocked and recorded. For every page, at 1200 px and at 375 px (a phone):

- every chart is drawn (an SVG per chart, drawn at build time), with an aria description and a table alternative;
- no console error and no uncaught exception;
- no request leaves the local server; no link, script or frame in the DOM points to the internet;
- the interface is Vietnamese (``<html lang="vi">``, search box) and there is no launch/binder/thebe/comment
  button;
- at 375 px the page does not scroll horizontally;
- numbers drawn in charts are written the Vietnamese way; tooltips carry Vietnamese titles;
- each chapter links the CSV of its figures, and it downloads.

A screenshot per chapter and width goes to ``<project>/_build/screenshots/`` for review.

A second build, from data whose indicator names carry ``<script>`` and ``<img onerror>`` payloads, proves
that no script from the data runs and that the payloads show as text (tables, charts, tooltips, prose).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browserkit import Server, Visit, copy_project, pages, require_chromium

from chitieu.build.pipeline import build_book
from chitieu.build.weight import BASE, Site
from chitieu.config import PROJ_ROOT as ROOT

WIDTHS = {"desktop": (1200, 900), "phone": (375, 812)}
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHART_TIMEOUT_MS = 20_000

# Text a launch/binder/thebe/comment button or an external widget would put on the page.
INTERNET_WIDGETS = (
    ".dropdown-launch-buttons, .launch-buttons, [class*='thebe'], .btn-launch, a[href*='mybinder'], "
    "a[href*='colab.research'], a[href*='deepnote'], .utterances, iframe[src*='hypothes'], script[src*='hypothes'], "
    "script[src*='utteranc'], .giscus"
)
# Numbers written the English way in a chart: 1,234 (thousands comma) or 13.7 / 0.25 (decimal point).
ENGLISH_NUMBER = re.compile(r"(?<![\d.,])\d+,\d{3}(?!\d)|(?<![\d.])\d+\.\d{1,2}(?![\d.])|\d\.\d{4,}")
# "11,649 tỷ đồng" reads the same in both locales: three decimals in vi-VN, a thousands group in English.
# Such a number is vi-VN when its integer part is 0 (no English number is written "0,948") or when the report
# itself writes it so.
REPORT_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt")))


def english_numbers(text: str) -> list[str]:
    """The numbers of ``text`` written the English way (``1,234``, ``3.5``), except the ambiguous ones above."""
    found = []
    for match in ENGLISH_NUMBER.finditer(text):
        number = match.group(0)
        if "," in number and (
            number.startswith("0,") or re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", REPORT_TEXT)
        ):
            continue
        found.append(number)
    return found


# Interface strings of Sphinx and the themes that must reach the reader in Vietnamese.
ENGLISH_UI = [
    "Search this book...",
    "Skip to main content",
    "Back to top",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "On this page",
    "Color mode",
    "System Settings",
    "previous page",
    "next page",
    "Site navigation",
    "Link to this heading",
    "Last updated on",
    "Launch",
    "Download this page",
    "Print to PDF",
    "Fullscreen mode",
]
# Sphinx's own Vietnamese that reads stiffly, replaced in _locales/vi/LC_MESSAGES/sphinx.po.
STIFF_UI = ["Tìm Kiếm", "xem lại", "xem tiếp", "Xem Lại", "Xem Tiếp"]

XSS_FLAG = "__chitieu_xss"
XSS_PAYLOAD = (
    f"<script>window.{XSS_FLAG}=1;document.title='XSS'</script>"
    f"<img src=x onerror=\"window.{XSS_FLAG}=2;document.title='XSS'\">"
)


def _visit(browser, server: Server, rel: str, width: str) -> Visit:
    w, h = WIDTHS[width]
    visit = Visit(browser, server, rel, w, h, mobile=width == "phone")
    visit.name = width
    return visit.open()


_pages = pages


@pytest.fixture(scope="session")
def visits(site, browser):
    """Every page at both widths, opened once; charts awaited; screenshots of the chapters saved."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    out = {}
    for rel in _pages(site.html):
        for width in WIDTHS:
            visit = _visit(browser, site, rel, width)
            visit.charts = _wait_for_charts(visit.page)
            visit.settle()
            if rel.startswith("book/"):
                name = rel.removeprefix("book/").removesuffix(".html")
                visit.page.screenshot(path=str(SCREENSHOTS / f"{name}-{WIDTHS[width][0]}px.png"), full_page=True)
            out[rel, width] = visit
    yield out
    for visit in out.values():
        visit.close()


def _wait_for_charts(page) -> dict:
    """Count the charts of the page and those drawn (an SVG per chart: drawn at build time, no script)."""
    return page.evaluate(
        """() => {
             const specs = [...document.querySelectorAll('script.chitieu-spec')];
             const drawn = specs.filter(s => {
               const d = document.getElementById(s.dataset.for);
               return d && [...d.querySelectorAll('svg')].some(svg => svg.getBoundingClientRect().width > 0);
             });
             return {expected: specs.length, rendered: drawn.length};
           }"""
    )


PAGES = pytest.mark.usefixtures("visits")


def _each(visits, width=None):
    return [v for (rel, w), v in visits.items() if width is None or w == width]


def test_site_has_pages(site, visits):
    pages = _pages(site.html)
    assert "index.html" in pages and any(p.startswith("book/") for p in pages)
    for visit in _each(visits):
        assert visit.response is not None and visit.response.ok, f"{visit.rel}: HTTP {visit.response.status}"


def test_every_chart_renders(visits):
    bad = [
        f"{v.rel} @{v.width}: {v.charts['rendered']}/{v.charts['expected']} charts drawn"
        for v in _each(visits)
        if v.charts["rendered"] != v.charts["expected"]
    ]
    assert not bad, "\n".join(bad)
    assert sum(v.charts["expected"] for v in _each(visits, "desktop")) > 0, "no chart in the whole book"


def test_no_console_error(visits):
    bad = [f"{v.rel} @{v.width}: {e}" for v in _each(visits) for e in v.errors]
    bad += [f"{v.rel} @{v.width}: request failed {f}" for v in _each(visits) for f in v.failed]
    assert not bad, "\n".join(bad)


def test_no_request_leaves_the_local_server(visits):
    bad = [f"{v.rel} @{v.width}: {url}" for v in _each(visits) for url in v.external]
    assert not bad, "requests to other hosts:\n" + "\n".join(bad)


def test_no_internet_reference_in_the_dom(visits):
    """What the reader could click or the page could load later: links, scripts, frames, forms, styles."""
    for v in _each(visits, "desktop"):
        found = v.page.evaluate(
            """() => {
                 const out = [];
                 const sel = 'script[src], link[href], img[src], iframe[src], source[src], video[src], '
                   + 'audio[src], form[action], object[data], embed[src]';
                 for (const el of document.querySelectorAll(sel)) {
                   const u = el.src || el.href || el.action || el.data;
                   const given = el.getAttribute('src') || el.getAttribute('href') || el.getAttribute('action')
                     || el.getAttribute('data') || '';
                   if (u && /^(https?:)?\\/\\//i.test(given)
                       && new URL(u, location.href).host !== location.host) out.push(el.outerHTML.slice(0, 160));
                 }
                 for (const s of document.querySelectorAll('script:not([src])')) {
                   if (/https?:\\/\\/(?!vega\\.github\\.io\\/schema\\/)[a-z0-9.-]+/i.test(s.textContent)) {
                     out.push(s.textContent.trim().slice(0, 160));
                   }
                 }
                 for (const sheet of document.styleSheets) {
                   try {
                     for (const r of sheet.cssRules) {
                       if (/url\\(["']?(https?:)?\\/\\//i.test(r.cssText)
                           || /@import\\s+(url\\()?["']?(https?:)?\\/\\//i.test(r.cssText)) {
                         out.push(r.cssText.slice(0, 160));
                       }
                     }
                   }
                   catch (e) { out.push('unreadable stylesheet ' + sheet.href); }
                 }
                 return out;
               }"""
        )
        assert not found, f"{v.rel} points to the internet:\n" + "\n".join(found)
        widgets = v.page.locator(INTERNET_WIDGETS).count()
        assert widgets == 0, f"{v.rel}: {widgets} launch/thebe/comment widget(s)"
        links = v.page.eval_on_selector_all(
            "a[href]", "els => els.map(a => a.getAttribute('href')).filter(h => /^(https?:)?\\/\\//i.test(h))"
        )
        assert not [h for h in links if "127.0.0.1" not in h], f"{v.rel}: links to the internet {links}"


def test_interface_is_vietnamese(visits):
    for v in _each(visits, "desktop"):
        if v.rel == "index.html":  # a redirect to the first page
            continue
        assert v.page.evaluate("document.documentElement.lang") == "vi", v.rel
        search = v.page.locator("input[name='q']")
        for i in range(search.count()):
            placeholder = search.nth(i).get_attribute("placeholder") or ""
            assert placeholder in ("", "Tìm trong sách…") or "Tìm" in placeholder, (
                f"{v.rel}: search box says {placeholder!r}"
            )
        english = v.page.evaluate(
            """(words) => {
                 const seen = [];
                 const attrs = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
                   .flatMap(e => [e.getAttribute('title'), e.getAttribute('aria-label'),
                                  e.getAttribute('placeholder')]);
                 const text = document.body.innerText;
                 for (const w of words) if (attrs.includes(w) || text.includes(w)) seen.push(w);
                 return seen;
               }""",
            ENGLISH_UI,
        )
        assert not english, f"{v.rel}: interface strings still in English: {english}"
        stiff = [w for w in STIFF_UI if w in v.page.locator("body").inner_text()]
        assert not stiff, f"{v.rel}: stiff interface wording {stiff}"


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("trường chuẩn quốc gia", "book/06_giao_duc.html"),  # words with tones, several at once
        ("Đảng viên", "book/11_xay_dung_dang.html"),  # capitals and đ
        ("ngân sách", "book/03_tai_chinh_dau_tu.html"),
        ("ho ngheo", "book/08_van_hoa_xa_hoi.html"),  # typed without diacritics on a phone
        ("truong chuan quoc gia", "book/06_giao_duc.html"),
        ("dang vien", "book/11_xay_dung_dang.html"),
    ],
)
def test_search_finds_vietnamese_words(site, browser, query, expected_page):
    """The site's own search (offline, chitieu.build.sphinx_search_vi) finds the chapter a reader would expect."""
    from urllib.parse import quote

    visit = _visit(browser, site, f"search.html?q={quote(query)}", "desktop")
    try:
        visit.page.wait_for_function(
            "() => document.querySelectorAll('#search-results ul.search li').length > 0", timeout=CHART_TIMEOUT_MS
        )
        links = visit.page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
        assert any(expected_page in link for link in links), f"{query!r}: {expected_page} not among {links}"
        assert not visit.errors and not visit.external
    finally:
        visit.close()


def test_search_index_is_vietnamese(site):
    """Indexed as Vietnamese: no English stemming (``chitieu.build.sphinx_search_vi``), no numbers."""
    index = (site.html / "searchindex.js").read_text(encoding="utf-8")
    language = (site.html / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "chitieu.build.sphinx_search_vi" in language and "porter" not in language.lower()
    assert '"2023"' not in index  # numbers are never looked up by the search page


def test_no_unrendered_markup(visits):
    """A MyST role or fence that did not render (e.g. a glue key) would show its source to the reader."""
    bad = []
    for v in _each(visits, "desktop"):
        text = v.page.locator("body").inner_text()
        for m in re.finditer(r"\{glue(?::[a-z]+)?\}|\{(?:numref|ref|doc|eval)\}`|`{3}|:::\{", text):
            bad.append(f"{v.rel}: …{text[max(0, m.start() - 60) : m.end() + 40]!r}…")
    assert not bad, "\n".join(bad)


def test_no_horizontal_scroll_on_a_phone(visits):
    bad = []
    for v in _each(visits, "phone"):
        sizes = v.page.evaluate(
            "() => ({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: "
            "window.innerWidth})"
        )
        if max(sizes["doc"], sizes["body"]) > sizes["view"]:
            wide = v.page.evaluate(
                """(view) => [...document.querySelectorAll('body *')]
                     .filter(e => { const r = e.getBoundingClientRect(); return r.right > view + 1 && r.width > 0; })
                     .filter(e => !e.closest('.chitieu-table-wrap, .table-wrapper, pre, .highlight'))
                     .slice(0, 5).map(e => e.tagName + '.' + [...e.classList].join('.') + ' '
                                      + Math.round(e.getBoundingClientRect().right) + 'px')""",
                sizes["view"],
            )
            bad.append(
                f"{v.rel}: scrolls to {max(sizes['doc'], sizes['body'])} px > {sizes['view']} px; widest: {wide}"
            )
    assert not bad, "\n".join(bad)


def test_charts_are_described_and_have_a_table(visits):
    for v in _each(visits, "desktop"):
        problems = v.page.evaluate(
            """() => [...document.querySelectorAll('.chitieu-chart')].flatMap(d => {
                 const out = [];
                 if (d.getAttribute('role') !== 'img') out.push(d.id + ': role');
                 if (!(d.getAttribute('aria-label') || '').trim()) out.push(d.id + ': no aria-label');
                 const fig = d.closest('figure');
                 if (!fig || !fig.querySelector('figcaption')) out.push(d.id + ': no caption');
                 if (!fig || !fig.querySelector('details table tbody tr')) out.push(d.id + ': no table alternative');
                 return out;
               })"""
        )
        assert not problems, f"{v.rel}: {problems}"


def test_chart_numbers_are_vietnamese(visits):
    checked = 0
    for v in _each(visits, "desktop"):
        texts = v.page.eval_on_selector_all(
            ".chitieu-chart svg .role-axis-label text, .chitieu-chart svg .role-mark text",
            "els => els.map(e => e.textContent)",
        )
        checked += len(texts)
        english = [t for t in texts if english_numbers(t)]
        assert not english, f"{v.rel}: numbers not in the vi-VN format in charts: {english[:10]}"
    if any(v.charts["expected"] for v in _each(visits, "desktop")):
        assert checked > 0, "charts drew no axis label or text"


def _hover_tooltips(page, limit: int = 3, max_marks: int = 15) -> list[str]:
    """Hover the first visible marks that carry a tooltip (``data-tip``); return the tooltip texts shown."""
    shown = []
    marks = page.locator(".chitieu-chart svg [data-tip]:visible")
    for i in range(min(marks.count(), max_marks)):
        mark = marks.nth(i)
        try:
            mark.hover(timeout=500, force=True)
        except Exception:
            continue
        tip = page.locator("#chitieu-tooltip")
        if tip.count() and tip.first.is_visible():
            text = tip.first.inner_text().strip()
            if text and text not in shown:
                shown.append(text)
        if len(shown) >= limit:
            break
    return shown


def test_tooltips_are_vietnamese(visits):
    tips = []
    for v in _each(visits, "desktop"):
        if v.charts["expected"]:
            tips += [(v.rel, t) for t in _hover_tooltips(v.page)]
    if not any(v.charts["expected"] for v in _each(visits, "desktop")):
        pytest.skip("no chart in the book")
    assert tips, "no tooltip appeared on any chart"
    for rel, text in tips:
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), f"{rel}: raw field name in tooltip {text!r}"
        assert re.search(r"[À-ỹđĐ]", text), f"{rel}: tooltip not in Vietnamese {text!r}"
        for line in text.splitlines():
            key, _, value = line.partition("\t")
            if key.strip() == "Giá trị":
                assert not english_numbers(value), f"{rel}: tooltip value not in vi-VN format {line!r}"


def test_chapters_link_their_csv(site, visits):
    import urllib.request

    # A chapter "uses figures" when it draws a chart or ends with the table of its figures.
    chapters = [
        v
        for v in _each(visits, "desktop")
        if v.page.locator(".chitieu-chart, .chitieu-download").count() and v.rel.startswith("book/")
    ]
    assert chapters, "no chapter page with figures"
    for v in chapters:
        name = v.rel.removeprefix("book/").removesuffix(".html")
        hrefs = v.page.eval_on_selector_all("a[href$='.csv']", "els => els.map(a => a.href)")
        wanted = [h for h in hrefs if h.endswith(f"/data/chapters/{name}.csv")]
        assert wanted, f"{v.rel}: no link to data/chapters/{name}.csv (links: {hrefs})"
        with urllib.request.urlopen(wanted[0], timeout=10) as resp:
            body = resp.read().decode("utf-8")
        assert body.startswith("\ufeffobs_id,") and body.count("\n") > 1, f"{wanted[0]}: {body[:80]!r}"


def test_dataset_downloads(site):
    import urllib.request

    for name in (
        "indicators.csv",
        "targets.csv",
        "observations.csv",
        "README.md",
        "tu_dien_du_lieu.md",
        "tu_dien_du_lieu.csv",
        "chitieu-huong-tra-du-lieu.zip",
    ):
        with urllib.request.urlopen(site.base + "data/" + name, timeout=10) as resp:
            assert resp.status == 200 and resp.read(), name
    if (ROOT / "data" / "audit.csv").is_file():
        assert (site.html / "data" / "audit.csv").is_file()


def test_weight_model_sees_what_the_browser_loads(site, visits):
    """Every file the browser fetched is one chitieu.build.weight counts (so `make weight` is not an undercount)."""
    model = Site(site.html)
    for v in _each(visits, "desktop"):
        counted = set(model.closure(BASE + v.rel))
        fetched = {BASE + urlsplit(u).path.lstrip("/") for u in v.local}
        missed = sorted(u[len(BASE) :] for u in fetched - counted if not u.endswith(".csv"))
        assert not missed, f"{v.rel}: loaded but not weighed: {missed}"


def test_screenshots_saved(visits):
    for v in _each(visits, "desktop"):
        if v.rel.startswith("book/"):
            name = v.rel.removeprefix("book/").removesuffix(".html")
            for w, _h in WIDTHS.values():
                shot = SCREENSHOTS / f"{name}-{w}px.png"
                assert shot.is_file() and shot.stat().st_size > 1000, shot


# --------------------------------------------------------------------------- text from the data is inert


def _inject(data_dir: Path) -> list[str]:
    """Append the payload to the name and description of every key indicator; return the new names."""
    path = data_dir / "indicators.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    names = []
    for row in rows:
        if row["resolution_no"]:
            row["name_vi"] = f"{row['name_vi']} {XSS_PAYLOAD}"
            row["description_vi"] = f"{row['description_vi']} {XSS_PAYLOAD}"
            names.append(row["name_vi"])
    assert names, "no key indicator to inject into"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return names


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The book built from data whose key indicators' names carry <script> and <img onerror> payloads."""
    require_chromium()
    root = copy_project(tmp_path_factory, "browser-hostile")
    data = root / "data"
    data.unlink() if data.is_symlink() else None
    _inject(data)
    html = build_book(2023, root=root)  # validation must accept the names: they are just text
    server = Server(html)
    yield server
    server.close()


def test_no_script_from_the_data_runs(hostile_site, browser):
    shown_somewhere = False
    for rel in _pages(hostile_site.html):
        v = _visit(browser, hostile_site, rel, "desktop")
        try:
            _wait_for_charts(v.page)
            v.settle()
            title = v.page.title()
            tips = (
                _hover_tooltips(v.page, limit=40, max_marks=30) if v.page.locator("script.chitieu-spec").count() else []
            )
            assert v.page.evaluate(f"typeof window.{XSS_FLAG}") == "undefined", f"{rel}: a script from the data ran"
            assert v.page.title() == title != "XSS", f"{rel}: the data changed the page title"
            assert (
                v.page.locator("body script:not([src]):not([type])").evaluate_all(
                    f"els => els.filter(e => e.textContent.includes('{XSS_FLAG}')).length"
                )
                == 0
            ), f"{rel}: the payload became a <script> element"
            assert v.page.locator("img[src='x']").count() == 0, f"{rel}: the payload became an <img> element"
            assert not [u for u in v.local if urlsplit(u).path.endswith("/x")], (
                f"{rel}: the payload's image was requested"
            )
            assert not v.external, f"{rel}: {v.external}"
            assert not list(v.errors), f"{rel}: {v.errors}"
            text = v.page.locator("body").inner_text()
            if "<img src=x onerror=" in text:
                shown_somewhere = True
                assert "<script>window." in text, f"{rel}: <script> part of the name not shown as text"
            for tip in tips:
                if XSS_FLAG in tip:
                    assert "<img src=x onerror=" in tip, f"{rel}: tooltip does not show the name as text: {tip!r}"
        finally:
            v.close()
    assert shown_somewhere, "the injected names appear on no page as text: the test proves nothing"
