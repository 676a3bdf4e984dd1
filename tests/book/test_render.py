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


class TestMeasureFont:
    """Charts are measured with the package's own font, so they are laid out the same on every machine."""

    def test_the_layout_does_not_depend_on_the_fonts_a_machine_has(self):
        # Two font stacks a machine may or may not have: the drawing differs only in the name it writes.
        label = "Tỷ lệ hộ nghèo theo chuẩn đa chiều ▲ ≈ ✔ WWWW"
        wide = render.to_svg({**_spec(label), "config": {"font": "DejaVu Sans"}})
        narrow = render.to_svg({**_spec(label), "config": {"font": "Liberation Sans Narrow, serif"}})
        assert 'font-family="DejaVu Sans"' in wide and 'font-family="Liberation Sans Narrow, serif"' in narrow
        assert wide.replace("DejaVu Sans", "F") == narrow.replace("Liberation Sans Narrow, serif", "F")
        assert render.MEASURE_FONT not in wide

    def test_the_books_font_stack_is_written_as_vl_convert_writes_it(self):
        from chitieu.book.charts.style import FONT

        svg = render.to_svg(_spec("a"))  # no config.font: the book's stack
        assert f'font-family="{FONT}"' in svg and "'Segoe UI'" in FONT

    def test_every_character_of_every_chart_is_in_the_font(self):
        """A character outside the font would be measured with whatever font the machine has."""
        import json
        import re

        import nbformat
        from fontTools.ttLib import TTFont

        from chitieu.config import BOOK_DIR

        spec_json = re.compile(r'<script type="application/json" class="chitieu-spec"[^>]*>(.*?)</script>', re.S)
        chars: set[str] = set()
        for path in sorted(BOOK_DIR.glob("*.ipynb")):
            for cell in nbformat.read(path, as_version=4).cells:
                for output in cell.get("outputs", []):
                    for found in spec_json.findall(output.get("data", {}).get("text/html", "")):
                        chars |= set(json.dumps(json.loads(found), ensure_ascii=False))
        assert len(chars) > 100, "no chart found in book/"
        for font in sorted(render.FONTS_DIR.glob("*.ttf")):
            cmap = TTFont(font).getBestCmap()
            missing = sorted(c for c in chars if c.isprintable() and ord(c) not in cmap)
            assert not missing, f"{font.name} lacks {missing}: widen tools/make_chart_fonts.py and run it"
