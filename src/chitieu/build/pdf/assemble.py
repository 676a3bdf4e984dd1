"""The built chapter pages joined into one printable HTML document.

From each page only the article is kept (no sidebar, buttons, search or scripts). Then, so that one document
can hold every chapter:

- every ``id`` is prefixed with its chapter (``02_kinh_te--nong-nghiep``) and the chapter's own section gets
  the chapter's name, so ids repeated between pages ("Các số liệu được dùng trong chương") stay distinct;
- links to a page of the book (``13_kiem_tra_so_lieu.html#check-…``) become links inside the document, and
  a link to another chapter is marked so the stylesheet prints the page it lands on;
- links to files of the site (``../data/observations.csv``) become their label and the file's place in the
  site, since paper cannot follow them;
- each chart (``figure.chitieu-figure``) is drawn from its Vega-Lite spec as SVG (:mod:`.charts`); its table
  alternative (``details.chitieu-details``) moves to an appendix, linked both ways; any other ``details`` is
  printed open.

A link whose target is not in the document is an error: the edition never prints a dead link.
"""

from __future__ import annotations

import base64
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from chitieu.book.registry import Chapter, Registry
from chitieu.build.pdf.frontmatter import APPENDIX_ID, APPENDIX_TITLE
from chitieu.build.pdf.source import PdfError

PAGES_FOLDER = "book"  # where the chapter pages sit in the site: site files are linked relative to it
REMOVE = ("a.headerlink", ".toctree-wrapper", "button", "noscript", "script:not(.chitieu-spec)", "style", "form")


@dataclass
class ChartTable:
    """A chart's table alternative, bound for the appendix."""

    figure_id: str
    table_id: str
    caption: str
    content: Tag


def _rename_ids(article: Tag, chapter: Chapter) -> dict[str, str]:
    """Prefix every id of ``article`` with the chapter; return old → new.

    A page that repeats an id keeps the copies distinct (``…-2``); links go to the first, as in a browser.
    """
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for element in article.find_all(id=True):
        old = element["id"]
        new, n = f"{chapter.name}--{old}", 2
        while new in used:
            new, n = f"{chapter.name}--{old}-{n}", n + 1
        used.add(new)
        mapping.setdefault(old, new)
        element["id"] = new
    return mapping


def site_path(href_path: str) -> str:
    """A page-relative path as a path of the site: ``../data/x.csv`` → ``data/x.csv``."""
    return posixpath.normpath(posixpath.join(PAGES_FOLDER, unquote(href_path)))


def _relink(article: Tag, chapter: Chapter, ids: dict[str, str], names: set[str], soup: BeautifulSoup) -> None:
    """Point every link of ``article`` inside the document, or print a site file's place instead of a link."""
    for link in article.find_all("a", href=True):
        href = link["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # a link outside the site stays as it is (the site has none; tests/test_book.py checks it)
        page = posixpath.basename(parts.path)
        if not parts.path:
            target = ids.get(unquote(parts.fragment), f"{chapter.name}--{unquote(parts.fragment)}")
            link["href"] = f"#{target}"
        elif page.endswith(".html") and page.removesuffix(".html") in names:
            other = page.removesuffix(".html")
            link["href"] = f"#{other}--{unquote(parts.fragment)}" if parts.fragment else f"#{other}"
            if other != chapter.name:
                link["class"] = [*link.get("class", []), "xref-chapter"]
        else:
            _unlink(link, site_path(parts.path), soup)


def _unlink(link: Tag, path: str, soup: BeautifulSoup) -> None:
    """``<a href="../data/x.csv">label</a>`` → ``label (data/x.csv)``; in a download line ``label: data/x.csv``."""
    place = soup.new_tag("span", attrs={"class": "site-file"})
    place.string = path
    in_download = link.find_parent(class_="chitieu-download") is not None
    label = soup.new_tag("span")
    label.extend(list(link.contents))
    link.replace_with(label)
    if in_download:
        label.insert_after(": ", place)
    else:
        label.insert_after(" (", place, ")")


def _svg_image(svg: str, description: str, soup: BeautifulSoup) -> Tag:
    # An <img> keeps each chart's SVG ids (clip paths, gradients) to itself; WeasyPrint draws it as vectors.
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return soup.new_tag(
        "img", attrs={"class": "chitieu-chart-print", "src": f"data:image/svg+xml;base64,{data}", "alt": description}
    )


def _charts(article: Tag, chapter: Chapter, soup: BeautifulSoup, draw: Callable[[dict], str]) -> list[ChartTable]:
    """Draw every chart of ``article`` and take out its table alternative (for the appendix)."""
    from chitieu.build.pdf.charts import read_spec

    tables = []
    for number, figure in enumerate(article.select("figure.chitieu-figure"), start=1):
        script = figure.select_one("script.chitieu-spec")
        holder = figure.select_one(".chitieu-chart")
        if script is None or holder is None:
            raise PdfError(f"{chapter.name}: a chart figure without its spec / một biểu đồ thiếu đặc tả (spec)")
        try:
            spec = read_spec(script.string or "")
        except ValueError as exc:
            raise PdfError(f"{chapter.name}: {exc}") from None
        figure_id = holder.get("id") or f"{chapter.name}--hinh-{number}"
        figure["id"] = figure_id
        holder.replace_with(_svg_image(draw(spec), holder.get("aria-label", ""), soup))
        script.decompose()
        caption = figure.select_one("figcaption strong")
        caption_text = caption.get_text(" ", strip=True) if caption else f"Biểu đồ {number} của chương"
        details = figure.select_one("details.chitieu-details")
        if details is None:
            continue
        summary = details.find("summary")
        if summary is not None:
            summary.decompose()
        table_id = f"{figure_id}--bang"
        content = soup.new_tag("div", attrs={"class": "chart-table-content"})
        content.extend(list(details.contents))
        tables.append(ChartTable(figure_id, table_id, caption_text, content))
        pointer = soup.new_tag("p", attrs={"class": "chart-table-ref"})
        pointer.append("Bảng số liệu của biểu đồ: ")
        to_table = soup.new_tag("a", href=f"#{table_id}")
        to_table.string = "Phụ lục"
        pointer.append(to_table)
        details.replace_with(pointer)
    return tables


def _open_details(article: Tag, soup: BeautifulSoup) -> None:
    """Paper cannot open a ``details``: print its summary as a label and its content below."""
    for details in article.find_all("details"):
        block = soup.new_tag("div", attrs={"class": "details-open"})
        summary = details.find("summary")
        if summary is not None:
            label = soup.new_tag("p", attrs={"class": "details-summary"})
            label.extend(list(summary.contents))
            summary.decompose()
            block.append(label)
        block.extend(list(details.contents))
        details.replace_with(block)


_LONG_TOKEN = re.compile(r"\S{14,}")


def _breakable_tokens(article: Tag, soup: BeautifulSoup) -> None:
    """Let the long tokens of table cells (ids such as ``party_admissions.2020-07_2023-05``) break anywhere.

    Vietnamese syllables are short, so a run of 14 characters without a space is an id, a file name or a
    formula. Marking only those (``span.token``, ``overflow-wrap: anywhere``) keeps a table's columns
    balanced without making every cell breakable between any two letters, which would cost WeasyPrint a
    line-break search per character of every table.
    """
    for cell in article.find_all(["td", "th"]):
        for text in list(cell.find_all(string=_LONG_TOKEN)):
            if text.find_parent(class_="token") is not None:
                continue
            pieces, last = [], 0
            for match in _LONG_TOKEN.finditer(text):
                pieces.append(text[last : match.start()])
                token = soup.new_tag("span", attrs={"class": "token"})
                token.string = match.group(0)
                pieces.append(token)
                last = match.end()
            pieces.append(text[last:])
            text.replace_with(*[p for p in pieces if not isinstance(p, str) or p])


def chapter_section(
    page_html: str, chapter: Chapter, registry: Registry, draw: Callable[[dict], str], first_of_part: bool
) -> tuple[str, list[ChartTable]]:
    """One chapter page as a ``<section class="chapter">`` of the document, and its charts' tables.

    Raises
    ------
    PdfError
        The page has no article, or a chart no spec.
    """
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        raise PdfError(f"{chapter.name}.html: no article in the built page / trang không có nội dung")
    for selector in REMOVE:
        for element in article.select(selector):
            element.decompose()
    ids = _rename_ids(article, chapter)
    _relink(article, chapter, ids, {c.name for c in registry}, soup)
    tables = _charts(article, chapter, soup, draw)
    _open_details(article, soup)
    _breakable_tokens(article, soup)
    section = soup.new_tag("section", attrs={"class": "chapter", "id": chapter.name})
    if first_of_part and chapter.part:
        caption = soup.new_tag("p", attrs={"class": "part-caption"})
        caption.string = chapter.part
        section.append(caption)
    section.extend(list(article.contents))
    return str(section), tables


def appendix_html(tables: list[ChartTable]) -> str:
    """The appendix: each chart's table under the chart's caption, linked back to the chart."""
    if not tables:
        return ""
    soup = BeautifulSoup("", "html.parser")
    outer = soup.new_tag("section", attrs={"class": "chapter appendix", "id": APPENDIX_ID})
    inner = soup.new_tag("section")
    title = soup.new_tag("h1")
    title.string = APPENDIX_TITLE
    inner.append(title)
    intro = soup.new_tag("p")
    intro.string = (
        "Trên trang web, mỗi biểu đồ có một bảng số liệu thay thế (bấm để mở). Bản in đặt các bảng ấy ở đây, "
        "theo thứ tự các hình; mỗi bảng dẫn về hình của nó."
    )
    inner.append(intro)
    for table in tables:
        entry = soup.new_tag("section", attrs={"id": table.table_id, "class": "chart-table"})
        heading = soup.new_tag("h2")
        heading.string = table.caption
        entry.append(heading)
        back = soup.new_tag("p", attrs={"class": "chart-figure-ref"})
        link = soup.new_tag("a", href=f"#{table.figure_id}")
        link.string = "Xem hình"
        back.append(link)
        entry.append(back)
        entry.append(table.content)
        inner.append(entry)
    outer.append(inner)
    return str(outer)


_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')


def dangling_links(document: str) -> list[str]:
    """Internal link targets (``href="#…"``) that no element of ``document`` carries."""
    ids = set(_ID.findall(document))
    return sorted({target for target in _HREF.findall(document) if target not in ids})
