"""The built site as its readers meet it: on phones and tablets, in dark mode, on a slow link, printed, and
its downloads opened in Excel (issue 13). Same site, server and Chromium as ``test_browser.py``
(:mod:`browserkit`).

- both menus (☰ book contents, page contents) open and close by click and by keyboard at 360, 390, 768
  and 1280 px;
- at 360 px no text in a chart is under 10 px, no label is cut with "…", tooltips stay inside the screen,
  wide tables reflow or say that they scroll;
- a chart that colours by status also writes it (icon), and never lightens a status colour;
- axe-core (WCAG 2.1 A and AA) finds nothing on any page, in light and in dark mode (axe is injected by the
  test; the site never loads it);
- a first visit to any chapter transfers at most 1,2 MB and loads neither the Vega bundle nor Font Awesome;
- printing opens every table alternative and keeps the chapter's number and the source footer;
- every page's footer and the introduction give the report's identity and the book's build date;
- every published file is 0644 and folder 0755, every CSV starts with a UTF-8 BOM, the workbooks and the
  text README are there, ``audit.csv`` is in the zip.

The seconds a slow link takes are measured, not asserted, by ``make lighthouse`` (chitieu.build.lighthouse).
"""

from __future__ import annotations

import io
import stat
import urllib.request
import zipfile

import pytest
from browserkit import Visit, axe_source, chapters, pages, run_axe

from chitieu.book.charts.style import STATUS_COLOURS
from chitieu.build import exports
from chitieu.build.identity import read_sources, report_year_of
from chitieu.config import PROJ_ROOT as ROOT

WIDTHS = (360, 390, 768, 1280)
FIRST_VISIT_BUDGET = 1_200_000
MIN_CHART_TEXT_PX = 10
STATUS_ICONS = "✔◐✘○"


def _open(browser, site, rel, width, **kw) -> Visit:
    return Visit(browser, site, rel, width, 800, mobile=width < 700, **kw).open()


# --------------------------------------------------------------------------- menus

_DRAWER_OPEN = "side => document.getElementById(`pst-${side}-sidebar-modal`)?.open === true"
_SIDEBAR_SHOWN = """side => {
  const s = document.getElementById(`pst-${side}-sidebar`);
  const r = s.getBoundingClientRect();
  return getComputedStyle(s).display !== 'none' && getComputedStyle(s).visibility !== 'hidden'
    && r.width > 0 && r.right > 0 && r.left < innerWidth && s.querySelector('a') !== null;
}"""


def _toggle(page, side: str):
    buttons = page.locator(f".{side}-toggle:visible")
    return buttons.first if buttons.count() else None


def _menu_state(page, side: str, *, unlike: str | None = None, like: str | None = None) -> str:
    """The menu's state: "drawer" (the phone's dialog open), "shown" or "hidden" (a sidebar). With ``like`` or
    ``unlike``, waits up to 2 s for the state to be (or stop being) that one: the theme slides its sidebars."""
    for _ in range(20):
        state = "drawer" if page.evaluate(_DRAWER_OPEN, side) else None
        state = state or ("shown" if page.evaluate(_SIDEBAR_SHOWN, side) else "hidden")
        if (like is None or state == like) and (unlike is None or state != unlike):
            break
        page.wait_for_timeout(100)
    return state


@pytest.mark.parametrize("width", WIDTHS)
def test_menus_open_and_close_by_click(site, browser, width):
    bad = []
    for rel in chapters(site.html):
        v = _open(browser, site, rel, width)
        try:
            for side in ("primary", "secondary"):
                button = _toggle(v.page, side)
                if button is None:
                    if side == "primary":
                        bad.append(f"{rel} @{width}: no visible ☰ button")
                    continue
                before = _menu_state(v.page, side)
                button.click()
                after = _menu_state(v.page, side, unlike=before)
                if after == before:
                    bad.append(f"{rel} @{width}: {side} menu stays {before} after a click")
                    continue
                if after == "drawer":
                    links = v.page.locator(f"#pst-{side}-sidebar-modal a:visible").count()
                    if not links:
                        bad.append(f"{rel} @{width}: the {side} drawer opened empty")
                    v.page.locator(".chitieu-close:visible").click()
                else:
                    _toggle(v.page, side).click()
                if _menu_state(v.page, side, like=before) != before:
                    bad.append(f"{rel} @{width}: {side} menu does not close by click")
            assert not v.errors, v.errors
        finally:
            v.close()
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("width", WIDTHS)
def test_menus_open_and_close_by_keyboard(site, browser, width):
    v = _open(browser, site, "book/02_kinh_te.html", width)
    try:
        for side in ("primary", "secondary"):
            button = _toggle(v.page, side)
            if button is None:
                continue
            before = _menu_state(v.page, side)
            assert (button.get_attribute("aria-label") or "").strip(), f"{side} ☰ has no name"
            button.focus()
            v.page.keyboard.press("Enter")
            after = _menu_state(v.page, side, unlike=before)
            assert after != before, f"@{width}: Enter on the {side} ☰ does nothing"
            if after == "drawer":
                focused = v.page.evaluate("() => document.activeElement.closest('dialog') !== null")
                assert focused, "keyboard focus did not move into the drawer"
                v.page.keyboard.press("Escape")
            else:
                _toggle(v.page, side).focus()
                v.page.keyboard.press(" ")
            closed = _menu_state(v.page, side, like=before)
            assert closed == before, f"@{width}: the {side} menu does not close from the keyboard"
    finally:
        v.close()


# --------------------------------------------------------------------------- charts and tables on a phone

_CHART_TEXT = """() => [...document.querySelectorAll('.chitieu-chart svg')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
    return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => ({
      chart: svg.closest('.chitieu-chart').id, text: t.textContent.trim(),
      px: parseFloat(getComputedStyle(t).fontSize) * scale,
      right: svg.getBoundingClientRect().right}));
  })"""


def test_chart_text_is_readable_and_whole_at_360(site, browser):
    small, cut, wide, seen = [], [], [], 0
    for rel in chapters(site.html):
        v = _open(browser, site, rel, 360)
        try:
            for t in v.page.evaluate(_CHART_TEXT):
                seen += 1
                if t["px"] < MIN_CHART_TEXT_PX:
                    small.append(f"{rel} {t['chart']}: {t['text']!r} at {t['px']:.1f} px")
                if t["text"].endswith("…"):
                    cut.append(f"{rel} {t['chart']}: {t['text']!r}")
                if t["right"] > 360:
                    wide.append(f"{rel} {t['chart']}: ends at {t['right']:.0f} px")
        finally:
            v.close()
    assert seen, "no chart text on any page"
    assert not small, f"chart text under {MIN_CHART_TEXT_PX} px at 360 px:\n" + "\n".join(small[:20])
    assert not cut, "labels cut with …:\n" + "\n".join(cut[:20])
    assert not wide, "charts wider than the screen:\n" + "\n".join(sorted(set(wide))[:20])


PAINTED_POINT = """(mark) => {
  const r = mark.getBoundingClientRect();
  for (let gy = 1; gy < 8; gy++) for (let gx = 1; gx < 8; gx++) {
    const x = r.left + r.width * gx / 8, y = r.top + r.height * gy / 8;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit.closest && hit.closest('[data-tip]') === mark) return [x, y];
  }
  return null;
}"""
# Scrolled to, again until it stays put: blocks above it are laid out as they near the screen (content-visibility)
# and take their real height, which moves the mark after the first scroll.
SETTLE_IN_VIEW = """async (mark) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  let before = null;
  for (let i = 0; i < 10; i++) {
    mark.scrollIntoView({block: 'center'});
    await frame();
    const top = mark.getBoundingClientRect().top;
    if (before !== null && Math.abs(top - before) < 1) return;
    before = top;
  }
}"""
BOX_MIDDLE = (
    "(mark) => { const r = mark.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }"
)


def test_tooltips_stay_inside_the_screen(site, browser):
    """Tap (360 px, touch) and hover (1280 px) marks at both edges of every chart: that mark's tooltip opens,
    on screen, thin rules and points under a label included."""
    outside, shown = [], 0
    for width in (360, 1280):
        for rel in chapters(site.html):
            v = _open(browser, site, rel, width)
            try:
                marks = v.page.locator(".chitieu-chart svg [data-tip]:visible")
                n = marks.count()
                for i in sorted({0, n // 2, n - 1} if n else set()):
                    mark = marks.nth(i)
                    mark.evaluate(SETTLE_IN_VIEW)
                    # A point where this mark is what the finger or pointer meets (a line's painted stroke,
                    # not the middle of its box), found in a grid over its box.
                    # Where this mark is painted on top, else (a thin rule, a point under its label) the middle of
                    # its box: the finger lands there, and chitieu.js takes the nearest mark it reaches.
                    point = mark.evaluate(PAINTED_POINT) or mark.evaluate(BOX_MIDDLE)
                    if width < 700:
                        v.page.touchscreen.tap(*point)
                    else:
                        v.page.mouse.move(*point)
                    tip = v.page.locator("#chitieu-tooltip")
                    if not (tip.count() and tip.is_visible()):
                        outside.append(f"{rel} @{width}: no tooltip on mark {i}")
                        continue
                    shown_text = " ".join(tip.inner_text().split())
                    expected = [
                        " ".join(line.split(": ", 1)[-1].split()) for line in mark.get_attribute("data-tip").split("\n")
                    ]
                    if not all(value in shown_text for value in expected):
                        outside.append(f"{rel} @{width}: mark {i} shows another tooltip than its own ({expected[0]!r})")
                    shown += 1
                    r = tip.bounding_box()
                    vw, vh = v.page.evaluate("() => [document.documentElement.clientWidth, innerHeight]")
                    if r["x"] < 0 or r["y"] < 0 or r["x"] + r["width"] > vw or r["y"] + r["height"] > vh:
                        outside.append(f"{rel} @{width}: tooltip at {r} outside {vw}×{vh}")
            finally:
                v.close()
    assert shown, "no tooltip shown on any chart"
    assert not outside, "\n".join(outside[:20])


def test_wide_tables_reflow_or_say_they_scroll(site, browser):
    """At 360 px a wide table fits as cards, each value under its column's name, or says that it scrolls."""
    bad, unlabelled, cards = [], [], 0
    for rel in chapters(site.html):
        v = _open(browser, site, rel, 360)
        try:
            bad += v.page.evaluate(
                """async (rel) => {
                  // Each table as a reader meets it: scrolled to (chitieu.js measures a table near the screen).
                  // (the observer reports, then the table is measured on the next frame: a few frames to settle)
                  const frame = () => new Promise(r => setTimeout(() => requestAnimationFrame(() =>
                    requestAnimationFrame(() => requestAnimationFrame(r))), 50));
                  const bad = [];
                  for (const t of document.querySelectorAll('.bd-article table')) {
                    if (t.offsetParent === null) continue;
                    // a table alternative is opened first, as a reader opens it
                    const closed = el => el && el.closest('details:not([open])');
                    for (let d = closed(t); d; d = closed(d.parentElement)) d.open = true;
                    t.scrollIntoView({block: 'center'});
                    await frame();
                    const box = t.closest('.chitieu-table-wrap, .pst-scrollable-table-container') || t.parentElement;
                    if (box.scrollWidth <= box.clientWidth + 1) continue;   // fits (or reflowed)
                    const cue = box.classList.contains('chitieu-scrolls')
                      || box.classList.contains('pst-scrollable-table-container');
                    if (!(cue && box.tabIndex === 0))
                      bad.push(rel + ': ' + (t.querySelector('th') || t).textContent.trim().slice(0, 40));
                  }
                  return bad;
                }""",
                rel,
            )
            unlabelled += v.page.evaluate(
                """(rel) => [...document.querySelectorAll('.bd-article table.chitieu-table-reflow')]
                  .filter(t => t.offsetParent !== null && t.tBodies[0]?.rows.length)
                  .flatMap(t => {
                    const heads = [...t.tHead.rows[0].cells].map(c => c.textContent.trim());
                    return [...t.tBodies[0].rows[0].cells]
                      .map((c, k) => [getComputedStyle(c, '::before').content, heads[k]])
                      .filter(([shown, head]) => shown !== JSON.stringify(head))
                      .map(([shown, head]) => `${rel}: card shows ${shown} for column "${head}"`);
                  })""",
                rel,
            )
            cards += v.page.evaluate("document.querySelectorAll('.bd-article table.chitieu-table-reflow').length")
        finally:
            v.close()
    assert not bad, "tables wider than a 360 px screen with no cue:\n" + "\n".join(bad)
    assert cards and not unlabelled, "reflowed tables whose cards do not name their columns:\n" + "\n".join(unlabelled)


def test_status_is_never_told_by_colour_alone(site, browser):
    """A chart colouring its marks by status also writes the status (its icon) outside the legend, and never
    draws a status colour lighter (a pale red estimate would read as another status)."""
    status_fills = {c.lower() for c in list(STATUS_COLOURS.values())[:3]}
    bad, checked = [], 0
    for rel in chapters(site.html):
        v = _open(browser, site, rel, 1280)
        try:
            for chart in v.page.evaluate(
                """(fills) => [...document.querySelectorAll('.chitieu-chart-wide svg')].map(svg => {
                     const marks = [...svg.querySelectorAll('[data-tip]')]
                       .filter(m => fills.includes((m.getAttribute('fill') || '').toLowerCase()));
                     const words = [...svg.querySelectorAll('text')].filter(t => !t.closest('.role-legend'))
                       .map(t => t.textContent).join(' ');
                     const pale = marks.filter(m => parseFloat(m.getAttribute('opacity') || '1') < 1
                       || parseFloat(m.getAttribute('fill-opacity') || '1') < 1).length;
                     return {id: svg.closest('.chitieu-chart').id, coloured: marks.length, words, pale};
                   })""",
                sorted(status_fills),
            ):
                if chart["coloured"] < 2:
                    continue
                checked += 1
                if not any(icon in chart["words"] for icon in STATUS_ICONS):
                    bad.append(f"{rel} {chart['id']}: status by colour only")
                if chart["pale"]:
                    bad.append(f"{rel} {chart['id']}: {chart['pale']} status-coloured marks drawn lighter")
        finally:
            v.close()
    assert checked, "no chart coloured by status: the test proves nothing"
    assert not bad, "\n".join(bad)


# --------------------------------------------------------------------------- accessibility


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_violation(site, browser, mode):
    source = axe_source()
    found = []
    for rel in pages(site.html):
        v = Visit(browser, site, rel, 1280, 900, color_scheme=mode).open(mode)
        try:
            assert v.page.evaluate("document.documentElement.dataset.theme") == mode or rel == "index.html"
            for violation in run_axe(v.page, source):
                found.append(
                    f"{rel}: {violation['id']} ({violation['impact']}, {violation['nodes']}) {violation['targets']}"
                )
        finally:
            v.close()
    assert not found, f"axe-core, {mode} mode:\n" + "\n".join(found)


def test_the_site_never_loads_axe(site):
    for page in site.html.rglob("*"):
        if page.suffix in (".html", ".js"):
            assert "axe.run" not in page.read_text(encoding="utf-8", errors="replace"), page


# --------------------------------------------------------------------------- weight


def test_first_visit_to_any_chapter_is_light(site, browser):
    report, bad = [], []
    for rel in chapters(site.html):
        v = _open(browser, site, rel, 390)
        try:
            v.settle()
            total = v.page.evaluate(
                """() => performance.getEntriesByType('navigation')[0].decodedBodySize
                   + performance.getEntriesByType('resource').reduce((s, e) => s + e.decodedBodySize, 0)"""
            )
            report.append(f"{rel}: {total / 1e6:.2f} MB in {len(v.local)} requests")
            if total > FIRST_VISIT_BUDGET:
                bad.append(report[-1])
            heavy = [u for u in v.local if "vega-bundle" in u or "fontawesome" in u or "searchindex" in u]
            if heavy:
                bad.append(f"{rel}: loads {heavy}")
        finally:
            v.close()
    print("\n".join(["first visit, uncompressed:", *report]))
    assert not bad, "\n".join(bad)


def test_only_the_stylesheets_block_the_first_paint(site):
    import re

    for rel in chapters(site.html):
        head = (site.html / rel).read_text(encoding="utf-8").split("</head>", 1)[0]
        blocking = [
            m.group(1)
            for m in re.finditer(r"<script\b([^>]*)\bsrc=\"[^\"]+\"[^>]*>", head)
            if not re.search(r"\b(defer|async)\b", m.group(0)) and "documentation_options" not in m.group(0)
        ]
        assert not blocking, f"{rel}: scripts block the first paint: {blocking}"
        assert '<meta name="description"' in head, f"{rel}: no meta description"


def test_pages_load_only_scripts_that_exist_and_that_they_use(site):
    import re

    from chitieu.build.sphinx_site import SCRIPT_USED_BY, body_classes

    loaded_anywhere = set()
    for rel in pages(site.html):
        page = site.html / rel
        text = page.read_text(encoding="utf-8")
        classes = body_classes(text.split("<body", 1)[-1])
        for src in re.findall(r'<script\b[^>]*\bsrc="([^"?]+)', text):
            assert (page.parent / src).is_file(), f"{rel}: loads {src}, which the site does not have"
            name = src.rsplit("/", 1)[-1]
            loaded_anywhere.add(name)
            assert name != "bootstrap.js", f"{rel}: loads Bootstrap's script"
            if name in SCRIPT_USED_BY:
                assert classes & set(SCRIPT_USED_BY[name]), f"{rel}: loads {name} but has none of its elements"
    assert {"chitieu.js", "pydata-sphinx-theme.js"} <= loaded_anywhere
    assert not (site.html / "_static" / "scripts" / "bootstrap.js").exists()


def test_every_link_between_pages_lands(site):
    """Every link from a page of the book to a page of the site reaches a file, and its #fragment an element of
    that page: a check linked from the report's text or a chapter is on the audit page that shows it."""
    import posixpath
    import re
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.ids, self.hrefs = set(), []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if a.get("id"):
                self.ids.add(a["id"])
            if tag == "a" and a.get("href"):
                self.hrefs.append(a["href"])

    parsed = {}
    for rel in pages(site.html):
        parser = Page()
        parser.feed((site.html / rel).read_text(encoding="utf-8"))
        parsed[rel] = parser
    dead, checks = [], 0
    for rel, page in parsed.items():
        for href in page.hrefs:
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path.split("?", 1)[0])) if path else rel
            if not (site.html / target).is_file():
                dead.append(f"{rel}: {href} (no such file)")
            elif fragment and target in parsed and fragment not in parsed[target].ids:
                dead.append(f"{rel}: {href} (no #{fragment} there)")
            checks += fragment.startswith("check-")
    assert checks > 100, f"only {checks} links to checks"
    assert dead == [], f"{len(dead)} links go nowhere: " + "; ".join(dead[:10])


def test_back_to_top_appears_when_scrolling_up_and_goes_to_the_top(site, browser):
    v = _open(browser, site, "book/13_kiem_tra_so_lieu.html", 390)
    try:
        v.settle()
        button = v.page.locator("#pst-back-to-top")
        v.page.mouse.wheel(0, 3000)
        v.page.wait_for_timeout(300)
        v.page.mouse.wheel(0, -600)
        v.page.wait_for_function("() => getComputedStyle(document.getElementById('pst-back-to-top')).display != 'none'")
        button.click()
        v.page.wait_for_function("() => window.scrollY === 0")
    finally:
        v.close()


# --------------------------------------------------------------------------- print, identity


def test_print_shows_tables_number_and_footer(site, browser):
    sources = read_sources(ROOT / "data")
    for rel in ("book/01_chi_tieu_chu_yeu.html", "book/02_kinh_te.html"):
        v = Visit(browser, site, rel, 794, 1123).open()
        try:
            v.page.emulate_media(media="print")
            closed = v.page.evaluate(
                """() => [...document.querySelectorAll('.bd-article details')].filter(d => {
                     const body = d.querySelector('table, p, div');
                     return !body || body.getBoundingClientRect().height === 0;
                   }).length"""
            )
            assert closed == 0, f"{rel}: {closed} table alternatives hidden in print"
            title = v.page.locator(".bd-article h1").first
            assert title.is_visible() and title.inner_text().strip()[0].isdigit(), f"{rel}: no chapter number"
            footer = v.page.locator(".extra_footer").first
            assert footer.is_visible(), f"{rel}: the source footer does not print"
            assert sources[0].issuing_body in footer.inner_text()
            pdf = v.page.pdf(format="A4")
            assert pdf.startswith(b"%PDF")
        finally:
            v.close()


def test_every_footer_and_the_introduction_say_who_made_what(site, browser):
    source = read_sources(ROOT / "data")[0]
    for rel in pages(site.html):
        if rel == "index.html":
            continue
        text = (site.html / rel).read_text(encoding="utf-8")
        assert source.issuing_body in text and "Sách dựng ngày" in text, f"{rel}: footer without identity"
    v = Visit(browser, site, "book/00_gioi_thieu.html", 1280).open()
    try:
        intro = v.page.locator(".chitieu-identity").inner_text()
        assert source.title in intro and source.issuing_body in intro and report_year_of(source) in intro
        assert "dựng ngày" in intro and "{{" not in intro
    finally:
        v.close()


# --------------------------------------------------------------------------- downloads


def test_published_tree_is_world_readable(site):
    bad = []
    for path in [site.html, *site.html.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != (0o755 if path.is_dir() else 0o644):
            bad.append(f"{path.relative_to(site.html)}: {oct(mode)}")
    assert not bad, "\n".join(bad[:30])


def _get(site, rel: str) -> bytes:
    with urllib.request.urlopen(site.base + rel, timeout=10) as resp:
        assert resp.status == 200, rel
        return resp.read()


def test_downloads_open_in_excel(site):
    data = site.html / "data"
    csvs = sorted(p.relative_to(site.html).as_posix() for p in data.rglob("*.csv"))
    assert "data/audit.csv" in csvs and any(c.startswith("data/chapters/") for c in csvs)
    for rel in csvs:
        assert _get(site, rel).startswith(b"\xef\xbb\xbf"), f"{rel}: no UTF-8 BOM"
    assert _get(site, f"data/{exports.README_TEXT}").startswith(b"\xef\xbb\xbf")
    assert _get(site, f"data/{exports.WORKBOOK_NAME}").startswith(b"PK")
    for chapter in data.glob("chapters/*.csv"):
        assert chapter.with_suffix(".xlsx").is_file(), f"{chapter.name}: no workbook"
    names = zipfile.ZipFile(io.BytesIO(_get(site, f"data/{exports.ZIP_NAME}"))).namelist()
    assert "audit.csv" in names and exports.WORKBOOK_NAME in names and exports.README_TEXT in names
    readme = _get(site, f"data/{exports.README_TEXT}").decode("utf-8-sig")
    assert "`audit.csv`" in readme
