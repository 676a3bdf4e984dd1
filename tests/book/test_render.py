"""Charts drawn at build time (:mod:`chitieu.book.charts.render`): what a page may hold, and no link out."""

from __future__ import annotations

import pytest

from chitieu.book.charts import render
from chitieu.book.charts.layout import LAYOUTS


def _spec(label: str, href: str = "15_van_ban_chi_tieu.html#so-1-1") -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": [{"x": 1.5, "label": label, "href": href}]},
        "mark": "bar",
        "encoding": {
            "x": {"field": "x", "type": "quantitative"},
            "y": {"field": "label", "type": "nominal"},
            "href": {"field": "href"},
            "tooltip": [{"field": "label"}],
        },
        "width": 300,
    }


class TestUnsafeMarkup:
    @pytest.mark.parametrize(
        "svg",
        [
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>',
            '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>',
            '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:x()"><text>a</text></a></svg>',
            '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org/"><text>a</text></a></svg>',
            "<svg><unclosed></svg>",
        ],
    )
    def test_refused(self, svg):
        assert render.unsafe_markup(svg)

    def test_escaped_text_and_relative_links_pass(self):
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg"><a href="15_van_ban.html#so-1-2">'
            "<text>&lt;script&gt;onload=1 javascript:</text></a></svg>"
        )
        assert render.unsafe_markup(svg) == []


class TestDrawnChart:
    def test_hostile_label_is_shown_not_run_and_links_stay_in_the_book(self):
        payload = "<script>window.x=1</script><img src=x onerror=alert(1)>"
        svgs = render.chart_svgs(_spec(payload), "t")
        assert set(svgs) == {layout.name for layout in LAYOUTS}
        for svg in svgs.values():
            assert "<script" not in svg and render.unsafe_markup(svg) == []
            assert render.VL_CONVERT_BASE_URL not in svg
            assert 'data-href="15_van_ban_chi_tieu.html#so-1-1"' in svg and "<a " not in svg

    def test_a_link_out_of_the_book_is_refused(self):
        with pytest.raises(render.ChartRenderError, match="could run"):
            render.chart_svgs(_spec("a", href="https://example.org/"), "t")
