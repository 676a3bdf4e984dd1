"""How a chart is laid out for a screen width: labels wrapped (never cut), legends, widths that fit.

Every chart of the book is drawn twice at build time (:mod:`chitieu.book.charts.render`): *wide* for a
column of 680 px (a desktop or a tablet) and *narrow* for 320 px (a 360 px phone), so that a phone shows
a chart laid out for it instead of a wide chart shrunk until its text cannot be read. The changes are
made on the Vega-Lite spec, whatever chapter built it:

- nominal axis labels, facet headers, legend labels and titles wrap onto several lines at a number of
  characters that suits the width, and are never truncated (Vega's ``labelLimit`` would cut them with
  "…"); rows of a wrapped axis get taller so that the lines do not overlap;
- on the narrow layout, legends go on top, one column, and the plot width leaves room for the labels;
- the text of every chart is at least :data:`MIN_FONT_PX` (Vega-Lite defaults to 10–11 px).

The fitting itself (the chart drawn, measured and narrowed until it fits) is in :mod:`.render`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

MIN_FONT_PX = 11
LINE_HEIGHT_PX = 14
NESTED = ("layer", "vconcat", "hconcat", "concat")


@dataclass(frozen=True)
class Layout:
    """A target width and how long a line of each kind of label may be (in characters)."""

    name: str
    width: int
    axis_chars: int
    header_chars: int
    legend_chars: int
    title_chars: int
    legend_top: bool


WIDE = Layout("wide", 680, axis_chars=34, header_chars=84, legend_chars=60, title_chars=80, legend_top=False)
NARROW = Layout("narrow", 320, axis_chars=17, header_chars=40, legend_chars=36, title_chars=38, legend_top=True)
LAYOUTS = (WIDE, NARROW)


def wrap_lines(text: str, chars: int) -> list[str]:
    """``text`` cut into lines of at most ``chars`` characters at spaces (a longer word stays whole).

    The same rule as :func:`wrap_expr` applies in the browser-side renderer, so the row heights computed
    here match the lines Vega draws.
    """
    text = str(text)
    lines = re.sub(rf"(.{{1,{chars}}})(\s+|$)", "\\1\n", text).strip().split("\n")
    return [line for line in lines if line] or [text]


def wrap_expr(chars: int, what: str = "datum.label") -> str:
    """A Vega expression splitting ``what`` into lines of at most ``chars`` characters (see :func:`wrap_lines`)."""
    return f"split(trim(replace({what}, regexp('(.{{1,{chars}}})(\\\\s+|$)', 'g'), '$1\\n')), '\\n')"


def views(spec: dict):
    """``spec`` and every view nested in it (layers, concatenations, a facet's inner spec)."""
    yield spec
    for key in NESTED:
        for part in spec.get(key, []) or []:
            yield from views(part)
    if isinstance(spec.get("spec"), dict):
        yield from views(spec["spec"])


def _field_values(spec: dict) -> dict[str, list[str]]:
    """Every value of every field in the chart's inline data (``datasets`` and ``data.values``)."""
    rows: list[dict] = []
    for values in (spec.get("datasets") or {}).values():
        rows += [r for r in values if isinstance(r, dict)]
    for unit in views(spec):
        data = unit.get("data")
        if isinstance(data, dict) and isinstance(data.get("values"), list):
            rows += [r for r in data["values"] if isinstance(r, dict)]
    out: dict[str, list[str]] = {}
    for row in rows:
        for key, value in row.items():
            if value is not None:
                out.setdefault(key, []).append(str(value))
    return out


def _max_lines(values: list[str], chars: int) -> int:
    return max((len(wrap_lines(v, chars)) for v in values), default=1)


def _wrap_title(title, chars: int):
    if isinstance(title, str):
        lines = wrap_lines(title, chars)
        return lines if len(lines) > 1 else title
    if isinstance(title, dict) and isinstance(title.get("text"), str):
        return {**title, "text": _wrap_title(title["text"], chars), "limit": 0}
    return title


def _nominal(channel) -> bool:
    return isinstance(channel, dict) and channel.get("type") in ("nominal", "ordinal") and "field" in channel


def _wrap_axes(unit: dict, layout: Layout, values: dict[str, list[str]]) -> int:
    """Wrap the labels of the unit's nominal x/y axes; return the lines of the tallest y label."""
    lines = 1
    for name in ("x", "y"):
        channel = (unit.get("encoding") or {}).get(name)
        if not _nominal(channel) or channel.get("axis", {}) is None:
            continue
        axis = channel.setdefault("axis", {})
        axis.update(labelExpr=wrap_expr(layout.axis_chars), labelLimit=0, labelLineHeight=LINE_HEIGHT_PX)
        if name == "x":
            axis["labelAngle"] = 0
            axis.setdefault("labelBaseline", "top")
        else:
            lines = max(lines, _max_lines(values.get(channel["field"], []), layout.axis_chars))
    return lines


def _wrap_legends(unit: dict, layout: Layout) -> None:
    for name in ("color", "fill", "stroke", "opacity", "shape", "size", "strokeDash"):
        channel = (unit.get("encoding") or {}).get(name)
        if not isinstance(channel, dict) or "field" not in channel or channel.get("legend", {}) is None:
            continue
        legend = channel.setdefault("legend", {})
        legend.update(labelExpr=wrap_expr(layout.legend_chars), labelLimit=0, titleLimit=0)
        if "title" in channel and isinstance(channel["title"], str):
            channel["title"] = _wrap_title(channel["title"], layout.legend_chars)
        if layout.legend_top:
            legend.update(orient="top", direction="vertical", columns=1)


def _wrap_text_marks(unit: dict, layout: Layout, values: dict[str, list[str]]) -> None:
    """On the narrow layout, long text beside the marks (a verdict after each bar) wraps like a label."""
    mark = unit.get("mark")
    kind = mark.get("type") if isinstance(mark, dict) else mark
    channel = (unit.get("encoding") or {}).get("text")
    if not layout.legend_top or kind != "text" or not _nominal(channel):
        return
    field = channel["field"]
    if _max_lines(values.get(field, []), layout.axis_chars) < 2:
        return
    wrapped = f"{field}__lines"
    what = f"datum['{field}'] + ''"
    unit.setdefault("transform", []).append({"calculate": wrap_expr(layout.axis_chars, what), "as": wrapped})
    unit["encoding"]["text"] = {**channel, "field": wrapped}
    if isinstance(mark, dict):
        mark.setdefault("lineHeight", LINE_HEIGHT_PX)


def _wrap_headers(unit: dict, layout: Layout) -> None:
    facet = unit.get("facet")
    channels = [facet.get("row"), facet.get("column")] if isinstance(facet, dict) else []
    channels += [(unit.get("encoding") or {}).get(k) for k in ("row", "column", "facet")]
    for channel in channels:
        if isinstance(channel, dict) and channel.get("header", {}) is not None:
            header = channel.setdefault("header", {})
            header.update(labelExpr=wrap_expr(layout.header_chars), labelLimit=0, labelLineHeight=LINE_HEIGHT_PX)


def _pin_to_right_edge(spec: dict) -> None:
    """A mark placed at a fixed pixel past a view's right edge (a note beside the plot) follows that edge
    when the view is narrowed: ``x = 306`` in a 300 px view becomes ``x = width + 6``."""
    for view in views(spec):
        width = view.get("width")
        if not isinstance(width, (int, float)):
            continue
        for inner in views(view):
            x = (inner.get("encoding") or {}).get("x")
            if isinstance(x, dict) and isinstance(x.get("value"), (int, float)) and x["value"] >= width:
                x["value"] = {"expr": f"width + {x['value'] - width:g}"}


def _grow_steps(spec: dict, layout: Layout, values: dict[str, list[str]]) -> None:
    """Rows of a wrapped y axis (or of wrapped text beside the marks) tall enough for their lines."""
    for unit in views(spec):
        height = unit.get("height")
        if not (isinstance(height, dict) and "step" in height):
            continue
        lines = 1
        for inner in views(unit):
            encoding = inner.get("encoding") or {}
            if _nominal(encoding.get("y")):
                lines = max(lines, _max_lines(values.get(encoding["y"]["field"], []), layout.axis_chars))
            text = encoding.get("text")
            if _nominal(text) and text["field"].endswith("__lines"):
                lines = max(lines, _max_lines(values.get(text["field"].removesuffix("__lines"), []), layout.axis_chars))
        height["step"] = max(height["step"], lines * LINE_HEIGHT_PX + 8)


def _raise_font_sizes(spec: dict) -> None:
    for unit in views(spec):
        mark = unit.get("mark")
        if isinstance(mark, dict) and isinstance(mark.get("fontSize"), (int, float)):
            mark["fontSize"] = max(mark["fontSize"], MIN_FONT_PX)
    config = spec.setdefault("config", {})
    for part, keys in {
        "axis": ("labelFontSize", "titleFontSize"),
        "legend": ("labelFontSize", "titleFontSize"),
        "header": ("labelFontSize", "titleFontSize"),
        "title": ("fontSize", "subtitleFontSize"),
        "text": ("fontSize",),
        "mark": ("fontSize",),
    }.items():
        section = config.setdefault(part, {})
        for key in keys:
            section[key] = max(section.get(key, 12) or 12, MIN_FONT_PX)


def _quiet_aria(spec: dict) -> None:
    """Axes, legends and titles say nothing to screen readers (the figure has its own description; Vega's
    descriptions are in English); marks with a tooltip describe themselves (see :func:`tooltip_text`)."""
    config = spec.setdefault("config", {})
    for part in ("axis", "legend", "title", "header"):
        config.setdefault(part, {})["aria"] = False
    for unit in views(spec):
        mark = unit.get("mark")
        if mark is None:
            continue
        tip = (unit.get("encoding") or {}).get("tooltip")
        has_tip = isinstance(tip, list) and any(isinstance(t, dict) and "field" in t for t in tip)
        mark = {"type": mark} if isinstance(mark, str) else mark
        if has_tip:
            unit.setdefault("transform", []).append({"calculate": tooltip_text(tip), "as": TIP_FIELD})
            unit["encoding"]["description"] = {"field": TIP_FIELD, "type": "nominal"}
        else:
            mark["aria"] = False
        unit["mark"] = mark


TIP_FIELD = "chitieu_tooltip"


def tooltip_text(tooltip: list[dict]) -> str:
    """A Vega expression writing a mark's tooltip as lines ``title: value`` (empty values left out)."""

    def quoted(text: str) -> str:
        return "'" + str(text).replace("\\", "\\\\").replace("'", "\\'") + "'"

    parts = []
    for item in tooltip:
        if not isinstance(item, dict) or "field" not in item:
            continue
        field = item["field"].replace("\\", "\\\\").replace("'", "\\'")
        value = f"datum['{field}']"
        title = item.get("title", item["field"])
        parts.append(f"(isValid({value}) && {value} !== '' ? {quoted(title)} + ': ' + {value} + '\\n' : '')")
    return "trim(" + " + ".join(parts or ["''"]) + ")"


def has_label_column(unit: dict) -> bool:
    """Whether the view draws a nominal y axis (a column of labels to the left of the plot)."""
    return any(_nominal((inner.get("encoding") or {}).get("y")) for inner in views(unit))


ESTIMATE_DASH = ([1, 0], [4, 2], [2, 2])
ESTIMATE_STROKE = (1, 2.5, 2.5)


def whole_colours(spec: dict) -> dict:
    """``spec`` (in place) with no colour that carries a meaning made lighter.

    A view that colours its marks by a field (a status) and also sets their opacity by a field (actual or
    estimate) would show a pale red estimate that reads as another status's orange. There the estimate is
    told by a thicker dashed outline instead, with the opacity's legend title; the colour stays whole.
    """
    for view in views(spec):
        encoding = view.get("encoding") or {}
        colour, opacity = encoding.get("color"), encoding.get("opacity")
        if not (isinstance(colour, dict) and "field" in colour and isinstance(opacity, dict) and "field" in opacity):
            continue
        domain = (opacity.get("scale") or {}).get("domain")
        dash = {"field": opacity["field"], "type": opacity.get("type", "nominal")}
        width = dict(dash, legend=None)
        if domain:
            dash["scale"] = {"domain": domain, "range": [list(d) for d in ESTIMATE_DASH[: len(domain)]]}
            width["scale"] = {"domain": domain, "range": list(ESTIMATE_STROKE[: len(domain)])}
        dash["legend"] = {"symbolType": "square", "symbolFillColor": "#ffffff", "symbolStrokeWidth": 2}
        if "title" in opacity:
            dash["title"] = opacity["title"]
        del encoding["opacity"]
        encoding.update(strokeDash=dash, strokeWidth=width)
        encoding.setdefault("stroke", {"value": "#333333"})
    return spec


def set_widths(spec: dict, scale) -> None:
    """Set every fixed view width of ``spec`` to ``scale(view, width)`` (in place; at least 60 px)."""
    for unit in views(spec):
        if isinstance(unit.get("width"), (int, float)):
            unit["width"] = max(60, int(scale(unit, unit["width"])))


def for_layout(spec: dict, layout: Layout) -> dict:
    """A copy of ``spec`` laid out for ``layout`` (wrapped labels, legends, fonts, described marks).

    Widths are not changed here beyond a first guess for the narrow layout; :mod:`.render` fits them.
    """
    out = copy.deepcopy(spec)
    values = _field_values(out)
    for unit in views(out):
        _wrap_axes(unit, layout, values)
        _wrap_legends(unit, layout)
        _wrap_headers(unit, layout)
        _wrap_text_marks(unit, layout, values)
        if "title" in unit:
            unit["title"] = _wrap_title(unit["title"], layout.title_chars)
    _grow_steps(out, layout, values)
    _pin_to_right_edge(out)
    _raise_font_sizes(out)
    _quiet_aria(out)
    config = out.setdefault("config", {})
    for part in ("axis", "legend", "header"):
        config.setdefault(part, {}).update(labelLimit=0)
    if layout.legend_top:
        config["legend"].update(orient="top", direction="vertical", columns=1)
        # Several legends on top stack instead of standing side by side.
        config["legend"]["layout"] = {"top": {"direction": "vertical", "anchor": "start"}}
        # Room for a wrapped label column beside the plot (about 7 px a character at 12 px).
        label_px = layout.axis_chars * 7
        set_widths(out, lambda unit, w: min(w, layout.width - (label_px if has_label_column(unit) else 50) - 20))
    return out
