"""What a print edition must satisfy, read back from the PDF with Poppler's tools (Debian ``poppler-utils``).

The build runs :func:`pre_publish_problems` before it publishes (every page A4, every font embedded, the
page count WeasyPrint reported); the tests (``tests/build/pdf``) use the readers below for the rest: the
text layer, where words sit on the page, raster images, and PNG renderings for a person to look at.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TOOLS = ("pdfinfo", "pdffonts", "pdftotext", "pdfimages", "pdftoppm")
A4_POINTS = (595.276, 841.89)


def missing_tools() -> list[str]:
    """The Poppler tools not on ``PATH``."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


@dataclass(frozen=True)
class Font:
    """One line of ``pdffonts``."""

    name: str
    kind: str
    embedded: bool
    subset: bool
    unicode: bool

    @property
    def family(self) -> str:
        """``"ABCDEF+Noto-Serif-Bold-Italic"`` and ``"ABCDEF+Noto Serif Bold"`` (fonts-noto-core names its faces
        with spaces) → ``"Noto Serif"``: every style word at the end goes."""
        base = self.name.split("+", 1)[-1]
        base = re.sub(r"(?:[-, ](?:Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular|Book))+$", "", base)
        return base.replace("-", " ")


def fonts(pdf: Path) -> list[Font]:
    """Every font of the PDF (``pdffonts``)."""
    out = []
    for line in _run("pdffonts", str(pdf)).splitlines()[2:]:
        # name type... encoding emb sub uni object ID: the last six columns are fixed, the type has spaces.
        cells = line.split()
        if len(cells) < 7:
            continue
        emb, sub, uni = (cells[-5] == "yes", cells[-4] == "yes", cells[-3] == "yes")
        out.append(Font(cells[0], " ".join(cells[1:-6]), emb, sub, uni))
    return out


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height of every page, in points."""
    count = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))
    text = _run("pdfinfo", "-f", "1", "-l", str(count), str(pdf))
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", text, re.M)]


def page_texts(pdf: Path) -> list[str]:
    """The text layer of each page (``pdftotext``, reading order), one string per page."""
    pages = _run("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass(frozen=True)
class Word:
    """A word of the text layer and its box, in points from the top-left corner."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def word_boxes(pdf: Path) -> list[tuple[tuple[float, float], list[Word]]]:
    """Each page's size and words with their boxes (``pdftotext -bbox``)."""
    text = _run("pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-")
    pages = []
    for width, height, body in _PAGE.findall(text):
        words = [
            Word(html.unescape(w), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, w in _WORD.findall(body)
        ]
        pages.append(((float(width), float(height)), words))
    return pages


def raster_images(pdf: Path) -> list[dict[str, str]]:
    """The raster images of the PDF (``pdfimages -list``), one dict per image (page, width, height, type…)."""
    lines = _run("pdfimages", "-list", str(pdf)).splitlines()
    if len(lines) < 2:
        return []
    header = lines[0].split()
    return [dict(zip(header, line.split())) for line in lines[2:] if line.strip()]


def render_pages(pdf: Path, pages: list[int], out_dir: Path, dpi: int = 60) -> list[Path]:
    """Render the given pages (1-based) to PNG in ``out_dir``; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages:
        prefix = out_dir / f"trang-{page:03d}"
        _run("pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix))
        written.append(prefix.with_suffix(".png"))
    return written


def is_a4(size: tuple[float, float], tolerance: float = 0.5) -> bool:
    return all(abs(got - want) <= tolerance for got, want in zip(size, A4_POINTS))


def pre_publish_problems(pdf: Path, expected_pages: int) -> list[str] | None:
    """What stops publication: a page not A4, a font not embedded, a page count other than WeasyPrint's.

    ``None`` when Poppler is not installed (then nothing was checked, and the caller says so).
    """
    if missing_tools():
        return None
    problems = []
    sizes = page_sizes(pdf)
    if len(sizes) != expected_pages:
        problems.append(f"{len(sizes)} pages in the file, {expected_pages} rendered")
    wrong = [i + 1 for i, size in enumerate(sizes) if not is_a4(size)]
    if wrong:
        problems.append(f"pages not A4: {wrong[:10]}")
    loose = sorted({f.name for f in fonts(pdf) if not f.embedded})
    if loose:
        problems.append(f"fonts not embedded: {loose}")
    return problems
