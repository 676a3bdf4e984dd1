"""Where a line of a report lies: its ``source_ref`` from the headings and footnote markers around it.

The grammar is the data contract's (``docs/data_contract.md``): the part (``P1`` for *Phần thứ nhất*, ``P2``
for *Phần thứ hai*), then the section path as the report numbers it (letters, Roman numerals, arabic numbers
joined by dots: ``B.III.1.3``), then ``:(N)`` on the line of an enumerated item ``(N)`` and ``:fnN`` on a
footnote line. Text of a part before its first heading is ``intro`` (``P2:intro``).

Two conventions of the contract come from reports that repeat a label under one parent: a second letter of a
part gets its occurrence number (the second *B.* is ``B2``), a second Roman numeral of a letter gets the
initials of the capitalised words of its title (*III. Hoạt động của Mặt trận Tổ quốc…* after *III. Kết quả…*
is ``III-MT``; with no such word, its occurrence number).

A footnote's text follows its paragraph, and footnote numbers restart on every page of the printed report, so
a footnote belongs to the nearest line above it that carries its marker (the superscript number in the text);
its reference is that line's, plus ``:fnN``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_PART_WORDS = {"NHẤT": 1, "HAI": 2, "BA": 3, "TƯ": 4, "NĂM": 5}
_PART_RE = re.compile(r"^\s*PHẦN\s+THỨ\s+(NHẤT|HAI|BA|TƯ|NĂM)\b\s*(?P<title>.*)")
_LETTER_RE = re.compile(r"^\s*(?P<label>[A-Z])\.\s+(?P<title>\S.*)")
_ROMAN_RE = re.compile(r"^\s*(?P<label>[IVX]+)\.\s+(?P<title>\S.*)")
_ARABIC_RE = re.compile(r"^\s*(?P<label>\d{1,2}(?:\.\d{1,2})*)\.\s+(?P<title>\S.*)")
_ITEM_RE = re.compile(r"^\s*\((?P<n>\d{1,2})\)\s")
FOOTNOTE_RE = re.compile(rf"^\s*(?P<n>[{SUPERSCRIPT_DIGITS}]+)\s")
"""A footnote line: its superscript number, then its text."""
_MARKER_RE = re.compile(rf"(?<![{SUPERSCRIPT_DIGITS}])(?P<n>[{SUPERSCRIPT_DIGITS}]+)")
# ² and ³ after a unit of length (17.316m², 60.000m³, 5 km²) are powers, not footnote markers; after a word
# ending in m (năm¹) they are markers.
_POWER_BEFORE_RE = re.compile(r"(?:^|[\d\s(/])k?m$")


@dataclass(frozen=True)
class LinePlace:
    """Where one line of the text lies.

    Attributes
    ----------
    ref : str
        Its ``source_ref`` (``P1:B.II:(1)``, ``P1:B.III.1.4:fn1``).
    section : str
        The section part of it, without item or footnote (``P1:B.II``).
    heading : str
        The title of the innermost heading above the line (``Sản xuất nông nghiệp toàn diện``).
    part_title : str
        The title of the part (``TÌNH HÌNH THỰC HIỆN…``).
    is_heading, is_footnote : bool
        The line is itself a heading; the line is a footnote.
    anchor : int or None
        For a footnote, the 1-based number of the line that carries its marker (None when not found).
    """

    ref: str
    section: str
    heading: str
    part_title: str
    is_heading: bool = False
    is_footnote: bool = False
    anchor: int | None = None


def superscript_value(text: str) -> int:
    """``"¹²"`` → 12."""
    return int(text.translate(_SUPER_TO_INT))


def markers_in(line: str) -> list[tuple[int, int]]:
    """``(footnote number, offset)`` of every footnote marker of a text line (a footnote line's own number is not
    a marker)."""
    start = 0
    if m := FOOTNOTE_RE.match(line):
        start = m.end()
    return [
        (superscript_value(m["n"]), m.start())
        for m in _MARKER_RE.finditer(line, start)
        if not (m["n"] in ("²", "³") and _POWER_BEFORE_RE.search(line[: m.start()]))
    ]


def _initials(title: str) -> str:
    """Initials of the capitalised words of a heading title after its first word (``MT`` for *Hoạt động của Mặt
    trận Tổ quốc…*)."""
    words = re.findall(r"[^\W\d_]+", title)[1:]
    return "".join(w[0] for w in words if w[0].isupper())


class _Outline:
    """The heading path while reading the text top-down."""

    def __init__(self) -> None:
        self.part = 1
        self.part_title = ""
        self.letter: str | None = None
        self.roman: str | None = None
        self.arabic: list[str] = []
        self.heading = ""
        self._letters_seen: dict[str, int] = {}
        self._romans_seen: dict[str, int] = {}

    def section(self) -> str:
        path = [p for p in (self.letter, self.roman) if p] + ([".".join(self.arabic)] if self.arabic else [])
        return f"P{self.part}:" + (".".join(path) if path else "intro")

    def read_heading(self, line: str) -> bool:
        """Update the path when ``line`` is a heading; True when it is one."""
        if m := _PART_RE.match(line):
            self.part = _PART_WORDS[m[1]]
            self.part_title = m["title"].strip()
            self.letter = self.roman = None
            self.arabic = []
            self._letters_seen = {}
            self._romans_seen = {}
            self.heading = self.part_title
            return True
        if (m := _LETTER_RE.match(line)) and m["title"][:12].upper() == m["title"][:12]:
            seen = self._letters_seen.get(m["label"], 0) + 1
            self._letters_seen[m["label"]] = seen
            self.letter = m["label"] + (str(seen) if seen > 1 else "")
            self.roman = None
            self.arabic = []
            self._romans_seen = {}
            self.heading = m["title"].strip()
            return True
        if m := _ROMAN_RE.match(line):
            seen = self._romans_seen.get(m["label"], 0) + 1
            self._romans_seen[m["label"]] = seen
            suffix = ""
            if seen > 1:
                suffix = "-" + (_initials(m["title"]) or str(seen))
            self.roman = m["label"] + suffix
            self.arabic = []
            self.heading = m["title"].strip()
            return True
        if m := _ARABIC_RE.match(line):
            self.arabic = m["label"].split(".")
            self.heading = m["title"].strip().strip("*").strip()
            return True
        return False


def line_places(lines: list[str]) -> list[LinePlace]:
    """The :class:`LinePlace` of every line of a text (``lines[i]`` is line ``i + 1``).

    Examples
    --------
    >>> [p.ref for p in line_places(["PHẦN THỨ NHẤT X", "B. KẾT QUẢ", "II. Chỉ tiêu", "(1) Tăng 13,7%¹.", "¹ Ghi chú"])]
    ['P1:intro', 'P1:B', 'P1:B.II', 'P1:B.II:(1)', 'P1:B.II:(1):fn1']
    """
    outline = _Outline()
    places: list[LinePlace] = []
    for line in lines:
        if outline.read_heading(line):
            places.append(LinePlace(outline.section(), outline.section(), outline.heading, outline.part_title, True))
            continue
        section = outline.section()
        if m := FOOTNOTE_RE.match(line):
            number = superscript_value(m["n"])
            anchor = _find_anchor(lines, places, len(places), number)
            base = places[anchor - 1].ref if anchor else section
            places.append(
                LinePlace(f"{base}:fn{number}", section, outline.heading, outline.part_title, False, True, anchor)
            )
            continue
        ref = section
        if m := _ITEM_RE.match(line):
            ref = f"{section}:({int(m['n'])})"
        places.append(LinePlace(ref, section, outline.heading, outline.part_title))
    return places


def _find_anchor(lines: list[str], places: list[LinePlace], index: int, number: int) -> int | None:
    """1-based number of the nearest text line above ``lines[index]`` that carries marker ``number``."""
    for i in range(index - 1, -1, -1):
        if places[i].is_footnote:
            continue
        if any(n == number for n, _ in markers_in(lines[i])):
            return i + 1
    return None
