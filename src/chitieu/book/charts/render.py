"""Charts drawn at build time: each layout of :mod:`.layout` as an SVG the page holds inline.

vl-convert-python runs Vega-Lite without a browser (no script on the page, nothing to download), for the
Vega-Lite version Altair emits and with the vi-VN number locale, so axes read ``1.234,5``. It measures the
text with :data:`MEASURE_FONT` only, a font of the package (``fonts/``, made by ``tools/make_chart_fonts.py``)
under a name no system has, so a chart is laid out the same on every machine whatever fonts it has; the SVG
then names the book's font stack, which the reader's browser draws with. A layout is
drawn, measured, and its views narrowed until the whole chart fits its width (text never shrinks: a
phone shows the narrow drawing at its own size).

The SVG is then made fit for a page holding many of them: ids get the chart's prefix (two charts never
share a clip path), Vega's English ARIA roles go (the figure describes itself, :mod:`.figure`), each
mark's description becomes ``data-tip`` (the tooltip that ``_static/chitieu.js`` shows on hover or
tap), and the font, written on every text, is set once on the root. Text from the data was escaped by
Vega's SVG writer; the result is refused if it holds anything that could run (:func:`unsafe_markup`).
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from pathlib import Path

import altair as alt

from chitieu.book.charts.layout import LAYOUTS, Layout, for_layout, set_widths, views
from chitieu.book.charts.style import FONT, VI_FORMAT_LOCALE

MAX_FITS = 5
SLACK_PX = 24
_ROOT = re.compile(r"<svg\b([^>]*)>")
_WIDTH = re.compile(r'\bwidth="([0-9.]+)"')
_HEIGHT = re.compile(r'\bheight="([0-9.]+)"')
_FONT = re.compile(r' font-family="([^"]*)"')
# Coordinates and sizes (never the tooltip text): two decimals are a hundredth of a pixel.
_GEOMETRY = re.compile(r'\s(d|x|y|x1|x2|y1|y2|width|height|transform|points|r|cx|cy|viewBox)="([^"]*)"')
_DIGITS = re.compile(r"(\d\.\d\d)\d+")
# vl-convert resolves a mark's relative link (a passage of the report) against its own default base URL.
VL_CONVERT_BASE_URL = "https://vega.github.io/vega-datasets/"
# What a drawn chart may not hold: elements that run or embed markup, event attributes, links with a scheme.
UNSAFE_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}
_SCHEME = re.compile(r"^\s*[a-z][a-z0-9+.-]*:", re.I)


FONTS_DIR = Path(__file__).with_name("fonts")
MEASURE_FONT = "Chitieu Chart Sans"


class ChartRenderError(ValueError):
    """vl-convert could not draw a chart, or drew something a page must not hold."""


def unsafe_markup(svg: str) -> list[str]:
    """What in ``svg`` could run in a page: elements of :data:`UNSAFE_ELEMENTS`, ``on…`` attributes, links
    with a scheme (``javascript:``, ``https:``: a chart's links go to pages of the book). Text is not judged:
    Vega's SVG writer escapes it, so ``<script>`` in a label is shown, not run."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return [f"not well-formed SVG: {exc}"]
    found = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name in UNSAFE_ELEMENTS:
            found.append(f"<{name}>")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                found.append(f"{local}=")
            elif local == "href" and _SCHEME.match(value):
                found.append(f"href={value[:40]}")
    return found


def vegalite_minor_version() -> str:
    """The Vega-Lite version Altair emits, as vl-convert names it (``"v6.4.1"`` → ``"6.4"``)."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"


@functools.cache
def _measure_font_registered() -> None:
    import vl_convert

    if not any(FONTS_DIR.glob("*.ttf")):
        raise ChartRenderError(f"the charts' measuring font is missing from {FONTS_DIR} (tools/make_chart_fonts.py)")
    vl_convert.register_font_directory(str(FONTS_DIR))


def to_svg(spec: dict) -> str:
    """``spec`` drawn by vl-convert with the vi-VN number locale, its text measured with :data:`MEASURE_FONT`
    and named in the SVG with the spec's own font (``config.font``); a mark's link stays relative (as written)."""
    import vl_convert

    _measure_font_registered()
    font = spec.get("config", {}).get("font") or FONT
    measured = {**spec, "config": {**spec.get("config", {}), "font": MEASURE_FONT}}
    try:
        svg = vl_convert.vegalite_to_svg(measured, vl_version=vegalite_minor_version(), format_locale=VI_FORMAT_LOCALE)
    except Exception as exc:  # vl-convert raises plain ValueErrors with the Vega message
        raise ChartRenderError(f"vl-convert could not draw the chart: {exc}") from exc
    # Written as vl-convert writes an attribute: a family name's single quotes stay, a double quote is escaped.
    family = html.escape(font, quote=False).replace('"', "&quot;")
    svg = svg.replace(f'font-family="{MEASURE_FONT}"', f'font-family="{family}"')
    return svg.replace(f'href="{VL_CONVERT_BASE_URL}', 'href="')


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of an SVG document, from its root element."""
    root = _ROOT.search(svg)
    attrs = root.group(1) if root else ""
    width, height = _WIDTH.search(attrs), _HEIGHT.search(attrs)
    if not (width and height):
        raise ChartRenderError("vl-convert drew an SVG without a size")
    return float(width.group(1)), float(height.group(1))


def fitted_svg(spec: dict, layout: Layout) -> str:
    """``spec`` laid out for ``layout`` and drawn, its views resized until the chart is at most
    ``layout.width`` wide and at most :data:`SLACK_PX` narrower (views never grow past the width the chart
    was written with, nor narrow below 60 px); the widest drawing that fits, else the narrowest drawn."""
    laid = for_layout(spec, layout)
    ceiling = max((v["width"] for v in views(spec) if isinstance(v.get("width"), (int, float))), default=0)
    drawn: list[tuple[float, str]] = []
    for _ in range(MAX_FITS):
        svg = to_svg(laid)
        width = svg_size(svg)[0]
        drawn.append((width, svg))
        gap = layout.width - width
        if 0 <= gap <= SLACK_PX:
            break
        before = _widths(laid)
        set_widths(laid, lambda unit, w, gap=gap: min(w + gap - 2, max(w, ceiling)))
        if _widths(laid) == before:
            break
    fitting = [d for d in drawn if d[0] <= layout.width]
    return max(fitting)[1] if fitting else min(drawn)[1]


def _widths(spec: dict) -> list:
    return [unit.get("width") for unit in views(spec)]


def _round_geometry(match: re.Match) -> str:
    return f' {match.group(1)}="{_DIGITS.sub(lambda d: d.group(1), match.group(2))}"'


def page_svg(svg: str, prefix: str, layout: Layout) -> str:
    """``svg`` as one of many inline SVGs of a page (see the module's description)."""
    unsafe = unsafe_markup(svg)
    if unsafe:
        raise ChartRenderError(f"the drawn chart holds markup that could run ({', '.join(unsafe[:3])}); refused")
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r'\sid="([^"]+)"', lambda m: f' id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    svg = re.sub(r'(\s(?:xlink:)?href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}-{m.group(2)}"', svg)
    svg = re.sub(r'\s(?:role|aria-roledescription)="[^"]*"', "", svg)
    svg = re.sub(r'\saria-hidden="true"', "", svg)
    # A mark's link (a passage of the report) becomes a group with data-href, which _static/chitieu.js follows
    # on click: a link inside the figure (role="img") would be a control nested in an image, and the SVG is
    # hidden from screen readers and the keyboard (the figure's table alternative carries the same links).
    svg = re.sub(r'<a\b[^>]*?\s(?:xlink:)?href="([^"]*)"[^>]*>', r'<g class="chitieu-link" data-href="\1">', svg)
    svg = svg.replace("</a>", "</g>")
    # Groups (titles, axes, legends) describe themselves in English: dropped. A mark's label is its tooltip.
    svg = re.sub(r'(<g\b[^>]*?)\saria-label="[^"]*"', r"\1", svg)
    svg = svg.replace(" aria-label=", " data-tip=")
    # What the browser would draw the same without: defaults, empty helper paths, sub-pixel digits.
    svg = re.sub(r' (?:pointer-events="none"|opacity="1"|transform="translate\(0,0\)")', "", svg)
    svg = re.sub(r'<path class="(?:background|foreground)"(?: d="(?:M0,0h0v0h0Z)?")?(?: display="none")?/>', "", svg)
    svg = _GEOMETRY.sub(_round_geometry, svg)
    fonts = Counter(_FONT.findall(svg))
    font = fonts.most_common(1)[0][0] if fonts else ""
    if font:
        svg = svg.replace(f' font-family="{font}"', "")
    root = _ROOT.search(svg)
    attrs = re.sub(r'\sclass="[^"]*"', "", root.group(1))
    extra = f' class="chitieu-svg chitieu-svg-{layout.name}" aria-hidden="true" focusable="false"'
    if font:
        extra += f' font-family="{font}"'
    return svg[: root.start()] + f"<svg{attrs}{extra}>" + svg[root.end() :]


def chart_svgs(spec: dict, prefix: str) -> dict[str, str]:
    """Layout name → the chart drawn for it, ready to go inline into a page."""
    return {layout.name: page_svg(fitted_svg(spec, layout), f"{prefix}-{layout.name}", layout) for layout in LAYOUTS}
