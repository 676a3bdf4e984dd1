"""Charts for print: each figure's Vega-Lite spec (the one the site draws) as SVG, offline.

They are drawn by the site's own call (:func:`chitieu.book.charts.render.to_svg`: vl-convert, the Vega-Lite
version Altair emits, the vi-VN number locale), so axes and labels read ``1.234,5`` as on the site. Only the
font changes: the print stylesheet's sans-serif, so that the text is measured by vl-convert with the font the
PDF then embeds.
"""

from __future__ import annotations

import copy
import json
import re

from chitieu.book.charts.render import to_svg

SPEC_SCRIPT = re.compile(r"^\s*(\{.*\})\s*$", re.S)


def read_spec(script_text: str) -> dict:
    """The spec held by a figure's ``<script type="application/json" class="chitieu-spec">``.

    Raises
    ------
    ValueError
        The script does not hold one JSON object.
    """
    match = SPEC_SCRIPT.match(script_text)
    if not match:
        raise ValueError("a chart's spec script does not hold a JSON object")
    spec = json.loads(match.group(1))
    if not isinstance(spec, dict):
        raise ValueError("a chart's spec is not a JSON object")
    return spec


def print_spec(spec: dict, font: str) -> dict:
    """``spec`` with ``font`` for every text of the chart (the spec itself is left untouched)."""
    out = copy.deepcopy(spec)
    out.setdefault("config", {})["font"] = font
    return out


def chart_svg(spec: dict, font: str) -> str:
    """The chart as an SVG document (text as text, numbers the Vietnamese way)."""
    return to_svg(print_spec(spec, font))
