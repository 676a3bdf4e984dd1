"""One page of the report's text as HTML: headings, paragraphs, lists and footnotes as the report writes them,
every statistic marked.

The text is shown as it is: each non-blank line is a block (a heading, a paragraph, an item of a ``-`` list, or
a footnote where it stands, after its paragraph), the superscript footnote markers are kept and link to their
footnote and back, ``*…*`` is italic. Every block has the anchor ``dong-<line>``. A number some row of the
data quotes is a link to itself (``so-<line>-<offset>``, :mod:`chitieu.book.reporttext.places`) with a
popover (shown on hover, on keyboard focus and when the page is opened at it, as links from the chapters do):
the rows quoting it, the checks of the audit involving them with their verdicts, and the chapters of their
topic; a number a failing check involves carries the ⚠ marker of the chapters. A statistic no row takes
shows the reason ``data/coverage_skipped.csv`` gives.

Headings take levels from the page's own title down (``h2`` for the page's top heading, one level per
section depth, never skipping a level). A numbered line that is a whole sentence (it ends with a full stop or
is long) is a numbered paragraph, not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chitieu.analysis.extract.sections import (
    FOOTNOTE_RE,
    SUPERSCRIPT_DIGITS,
    LinePlace,
    markers_in,
    superscript_value,
)
from chitieu.book.reporttext.pages import ReportPage, page_of
from chitieu.book.reporttext.places import Mark, TextPlaces, line_anchor

HEADING_MAX_CHARS = 160
"""A numbered line longer than this, or ending with a full stop, is a numbered paragraph."""
_LIST_ITEM = re.compile(r"^\s*-\s+")
_SUPERSCRIPTS = frozenset(SUPERSCRIPT_DIGITS)


@dataclass
class Block:
    """One block of the page: ``kind`` is ``heading``, ``title``, ``p``, ``item`` (a numbered paragraph),
    ``li`` (an item of a ``-`` list) or ``footnote``."""

    kind: str
    line: int
    segments: list[dict]
    level: int = 0
    back: str = ""

    @property
    def anchor(self) -> str:
        return line_anchor(self.line)


@dataclass
class PageView:
    """What the page template shows: the blocks (consecutive list items grouped), and the marks used."""

    blocks: list
    marks: list[Mark] = field(default_factory=list)
    toc: list[dict] = field(default_factory=list)


def _depth(place: LinePlace) -> int:
    path = place.section.split(":", 1)[1]
    return 0 if path == "intro" else len(path.split("."))


def is_heading(line: str, place: LinePlace) -> bool:
    """A heading line of the report shown as a heading (see the module docstring)."""
    return place.is_heading and len(line) <= HEADING_MAX_CHARS and not line.rstrip().endswith(".")


def footnote_targets(tp: TextPlaces) -> dict[tuple[int, int], int]:
    """``(line of the marker, footnote number)`` → the line of the footnote."""
    return {
        (place.anchor, superscript_value(FOOTNOTE_RE.match(tp.lines[i])["n"])): i + 1
        for i, place in enumerate(tp.places)
        if place.is_footnote and place.anchor
    }


def _marker_length(line: str, start: int) -> int:
    end = start
    while end < len(line) and line[end] in _SUPERSCRIPTS:
        end += 1
    return end - start


def segments(
    line_no: int,
    line: str,
    marks: dict[tuple[int, int], Mark],
    notes: dict[tuple[int, int], int],
    views: dict[str, dict],
    back: str = "",
    line_href=lambda line: "#" + line_anchor(line),
) -> list[dict]:
    """The pieces of one line: ``text``, ``em`` (on/off), ``mark`` (a number and its popover view) and
    ``fnref`` (a footnote marker and the footnote's anchor; on a footnote line, its own number links ``back``
    to the line carrying its marker). ``line_href`` links to a line (on another page when the printed report's
    page break left a footnote after the next heading)."""
    events: list[tuple[int, int, dict]] = []
    if own := FOOTNOTE_RE.match(line):
        start, end = own.span("n")
        events.append((start, end, {"t": "fnref", "v": own["n"], "href": back, "own": True}))
    for (ln, start), mark in marks.items():
        if ln == line_no:
            events.append((start, mark.number.end, {"t": "mark", "v": mark.number.text, "m": views[mark.anchor]}))
    for number, start in markers_in(line):
        target = notes.get((line_no, number))
        length = _marker_length(line, start)
        piece = {"t": "fnref", "v": line[start : start + length]}
        piece["href"] = line_href(target) if target else ""
        events.append((start, start + length, piece))
    stars = [m.start() for m in re.finditer(r"\*", line)]
    if len(stars) % 2 == 0:
        for i, pos in enumerate(stars):
            events.append((pos, pos + 1, {"t": "em", "on": i % 2 == 0}))
    out: list[dict] = []
    pos = 0
    for start, end, piece in sorted(events, key=lambda e: e[0]):
        if start < pos:  # overlapping pieces never happen in a well-formed line; keep the first
            continue
        if start > pos:
            out.append({"t": "text", "v": line[pos:start]})
        out.append(piece)
        pos = end
    if pos < len(line):
        out.append({"t": "text", "v": line[pos:]})
    return out


def page_blocks(
    page: ReportPage,
    tp: TextPlaces,
    marks: dict[tuple[int, int], Mark],
    views: dict[str, dict],
    pages: tuple[ReportPage, ...] = (),
) -> PageView:
    """The blocks of ``page``, consecutive list items grouped into one list (``{"kind": "list", "entries": …}``),
    and the page's headings for its table of contents."""
    notes = footnote_targets(tp)
    on_page = {key: m for key, m in marks.items() if page.holds(key[0])}

    def line_href(line: int) -> str:
        if page.holds(line):
            return "#" + line_anchor(line)
        other = page_of(pages, line)
        return other.href(line_anchor(line)) if other is not None else ""

    heads = [
        _depth(tp.places[i - 1])
        for i in range(page.first, page.last + 1)
        if is_heading(tp.lines[i - 1], tp.places[i - 1])
    ]
    top = min(heads, default=0)
    blocks: list = []
    level = 1
    seen_heading = False
    for line_no in range(page.first, page.last + 1):
        line, place = tp.lines[line_no - 1], tp.places[line_no - 1]
        if not line.strip():
            continue
        pieces = segments(line_no, line, on_page, notes, views, line_href=line_href)
        if is_heading(line, place):
            level = min(2 + _depth(place) - top, level + 1, 6)
            seen_heading = True
            blocks.append(Block("heading", line_no, pieces, level=max(level, 2)))
        elif place.is_footnote:
            back = line_href(place.anchor) if place.anchor else ""
            pieces = segments(line_no, line, on_page, notes, views, back, line_href)
            blocks.append(Block("footnote", line_no, pieces, back=back))
        elif _LIST_ITEM.match(line):
            item = Block("li", line_no, pieces)
            if blocks and isinstance(blocks[-1], dict) and blocks[-1]["kind"] == "list":
                blocks[-1]["entries"].append(item)
            else:
                blocks.append({"kind": "list", "entries": [item]})
        elif place.is_heading:
            blocks.append(Block("item", line_no, pieces))
        elif not seen_heading and page.first == 1:
            blocks.append(Block("title", line_no, pieces))
        else:
            blocks.append(Block("p", line_no, pieces))
    toc = [
        {"anchor": b.anchor, "level": b.level, "text": plain_text(b.segments)}
        for b in blocks
        if isinstance(b, Block) and b.kind == "heading"
    ]
    return PageView(blocks, sorted(on_page.values(), key=lambda m: (m.number.line, m.number.start)), toc)


def plain_text(pieces: list[dict]) -> str:
    """The text of a block's pieces, without markup (``*`` and footnote markers dropped)."""
    return "".join(p["v"] for p in pieces if p["t"] in ("text", "mark")).strip()
