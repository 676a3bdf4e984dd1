"""Write the font the charts are measured with (``src/chitieu/book/charts/fonts/``), from Debian's Noto fonts.

vl-convert lays a chart out by measuring its text with whatever fonts the machine has: without a pinned font a
chart drawn on a machine without Noto Sans is a few pixels wider or narrower, and ``book/`` differs from the
committed one although nothing changed. :mod:`chitieu.book.charts.render` therefore measures with this font
only, under a family name no system has, and writes the book's font stack into the SVG (the reader's browser
draws with its own fonts, as before).

The font is Noto Sans (Regular and Bold) reduced to the characters charts use (Latin, Vietnamese, punctuation),
with the status symbols of Noto Sans Symbols 2 and the few signs of Noto Sans Math merged in, renamed
"Chitieu Chart Sans" (SIL Open Font License 1.1, which allows modification under another name; the licence is
copied beside the files). Run once, on a machine with ``fonts-noto-core`` (``make pdf-tools`` installs it)::

    .venv/bin/python tools/make_chart_fonts.py

The output is committed; the test ``tests/book/test_render.py`` checks that every character of every chart of
the book is in it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

from chitieu.book.charts.render import FONTS_DIR as OUT
from chitieu.book.charts.render import MEASURE_FONT as FAMILY

NOTO = Path("/usr/share/fonts/truetype/noto")
LICENCE = Path("/usr/share/doc/fonts-noto-core/copyright")
TEXT = "U+0020-007E,U+00A0-024F,U+0300-036F,U+1EA0-1EF9,U+2010-2027,U+2030-205E,U+20AB,U+2212"
SYMBOLS = "U+2190-2199,U+25A0-25FF,U+2600-26FF,U+2700-27BF"
MATH = "U+2200-22FF"


def _subset(source: Path, target: Path, unicodes: str) -> None:
    options = subset.Options()
    options.layout_features = []  # no shaping tables: the merge keeps advance widths, which is what is measured
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    font.save(target)


def _rename(font: TTFont, weight: str) -> None:
    postscript = f"{FAMILY.replace(' ', '')}-{weight}"
    names = {1: FAMILY, 2: weight, 3: postscript, 4: FAMILY if weight == "Regular" else f"{FAMILY} {weight}"}
    names.update({6: postscript, 16: FAMILY, 17: weight})
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    font["OS/2"].usWeightClass = 700 if weight == "Bold" else 400


def main() -> int:
    if not (NOTO / "NotoSans-Regular.ttf").is_file():
        print(f"{NOTO}/NotoSans-Regular.ttf is missing: install fonts-noto-core (make pdf-tools)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for weight in ("Regular", "Bold"):
            parts = [work / f"text-{weight}.ttf", work / "symbols.ttf", work / "math.ttf"]
            _subset(NOTO / f"NotoSans-{weight}.ttf", parts[0], TEXT)
            _subset(NOTO / "NotoSansSymbols2-Regular.ttf", parts[1], SYMBOLS)
            _subset(NOTO / "NotoSansMath-Regular.ttf", parts[2], MATH)
            merged = Merger().merge([str(p) for p in parts])
            _rename(merged, weight)
            source_head = TTFont(NOTO / f"NotoSans-{weight}.ttf")["head"]
            merged["head"].created, merged["head"].modified = source_head.created, source_head.modified
            merged.recalcTimestamp = False  # the source's date: the same Noto fonts make the same files
            target = OUT / f"{FAMILY.replace(' ', '')}-{weight}.ttf"
            merged.save(target)
            print(f"{target}: {target.stat().st_size:,} bytes")
    shutil.copyfile(LICENCE, OUT / "NOTO-COPYRIGHT.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
