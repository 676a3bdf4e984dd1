"""The report's text as an auditor uses it (issue 14), in the built site, on a phone and a desktop: a figure of a
chapter leads to its number in "Văn bản báo cáo", scrolled into view and highlighted, with its popover open;
the popover opens by keyboard and closes with Escape; the site's search finds words only the report holds.
Same site, server and Chromium as ``test_browser.py`` (:mod:`browserkit`).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from browserkit import Visit

from chitieu.book.registry import load_registry
from chitieu.config import PROJ_ROOT as ROOT

WIDTHS = (390, 1280)
REGISTRY = load_registry(ROOT)
REPORT_PAGES = [f"book/{c.page}" for c in REGISTRY.all_with_role("report_text")]
ANALYSIS_PAGES = [f"book/{c.page}" for c in REGISTRY if c.role != "report_text"]
# A link of a chapter's figures table to a number of the report's text.
FIGURE_LINK = ".bd-article td a[href*='_van_ban_'][href*='#so-']"
_ARRIVAL = """(id) => {
  const n = document.getElementById(id), v = n.querySelector('.ct-v'), pop = n.querySelector('.ct-pop');
  const plain = document.querySelector('.ct-report .ct-n:not(:target) > .ct-v');
  const r = v.getBoundingClientRect(), header = document.querySelector('.bd-header');
  const top = header ? header.getBoundingClientRect().bottom : 0;
  return {target: n.matches(':target'), inView: r.top >= top && r.bottom <= innerHeight && r.height > 0,
          background: getComputedStyle(v).backgroundColor, plain: getComputedStyle(plain).backgroundColor,
          outline: getComputedStyle(v).outlineStyle, popShown: getComputedStyle(pop).display !== 'none',
          popInView: pop.getBoundingClientRect().bottom <= innerHeight + 1, number: v.textContent.trim()};
}"""


def _open(browser, site, rel, width) -> Visit:
    return Visit(browser, site, rel, width, 800, mobile=width < 700).open()


@pytest.mark.parametrize("chapter", ["book/01_chi_tieu_chu_yeu.html", "book/13_kiem_tra_so_lieu.html"])
@pytest.mark.parametrize("width", WIDTHS)
def test_a_chapter_figure_leads_to_its_number_highlighted(site, browser, chapter, width):
    v = _open(browser, site, chapter, width)
    try:
        # The figures table's first link: its block opened and scrolled to as a reader does (a table far down
        # the page is laid out only near the screen, chitieu.css).
        href = v.page.evaluate(
            """(sel) => { const a = document.querySelector(sel);
                          for (let d = a.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
                          a.scrollIntoView({block: 'center'}); return a.getAttribute('href'); }""",
            FIGURE_LINK,
        )
        anchor = href.split("#", 1)[1]
        link = v.page.locator(f'{FIGURE_LINK}[href="{href}"] >> visible=true').first
        # The row's text from the DOM: innerText of a block content-visibility has not laid out yet is empty.
        row_numbers = link.locator("xpath=ancestor::tr").text_content()
        link.click()
        v.page.wait_for_url(f"**/{href}")
        v.page.wait_for_load_state("load")
        state = v.page.evaluate(_ARRIVAL, anchor)
        assert state["target"] and state["inView"], f"{href}: the number is not scrolled into view: {state}"
        assert state["background"] != state["plain"] and state["outline"] != "none", f"{href}: not highlighted"
        assert state["popShown"] and state["popInView"], f"{href}: its popover is not shown on arrival: {state}"
        # The number the report writes is the one the chapter's row shows (digits as written, e.g. 07 or 1.700).
        assert state["number"].lstrip("0") in row_numbers or state["number"] in row_numbers, (href, state, row_numbers)
        assert not v.errors and not v.external and not v.failed
    finally:
        v.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_numbers_popover_opens_by_keyboard_and_closes_with_escape(site, browser, width):
    v = _open(browser, site, REPORT_PAGES[0], width)
    try:
        page = v.page
        shown = (
            "() => { const n = document.activeElement.closest('.ct-n'); return n && "
            "getComputedStyle(n.querySelector('.ct-pop')).display !== 'none'; }"
        )
        for _ in range(400):  # Tab from the top of the page to the first number of the text
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.ct-report .ct-n')"):
                break
        else:
            pytest.fail("no number of the report's text is reachable with Tab")
        assert page.evaluate(shown), "the focused number's popover is not shown"
        assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')"), "popover not linked"
        page.keyboard.press("Escape")
        assert not page.evaluate(shown), "Escape does not close the popover"
        page.keyboard.press("Tab")
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(shown), "the popover does not open again on the next focus"
    finally:
        v.close()


def test_search_finds_words_only_the_report_holds(site, browser):
    """The investors the report names appear in no chapter: search finds them in the report's text."""
    word = "Jointwell"
    chapters_text = "".join((site.html / rel).read_text(encoding="utf-8") for rel in ANALYSIS_PAGES)
    holding = [rel for rel in REPORT_PAGES if word in (site.html / rel).read_text(encoding="utf-8")]
    assert word not in chapters_text and holding
    page_rel = holding[0]
    v = Visit(browser, site, f"search.html?q={quote(word.lower())}", 1280).open()
    try:
        v.page.wait_for_function(
            "() => document.querySelectorAll('#search-results ul.search li').length > 0", timeout=30_000
        )
        links = v.page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
        assert any(page_rel in link for link in links), links
    finally:
        v.close()
