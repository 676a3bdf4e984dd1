"""``make weight``: what a reader downloads, page by page (``python -m chitieu weight``).

For every HTML page of the built site the resources a browser fetches from the site are collected from
the markup: the page itself, ``<script src>``, stylesheets and preloads (``<link rel=stylesheet|preload|
modulepreload|icon>``), ``<img src>``/``srcset``, ``<source>``, ``<video poster>``, and, inside every
stylesheet, ``@import`` and ``url(…)`` (for ``@font-face`` only the first source of each rule: a browser
stops at the first format it supports). A ``<meta http-equiv="refresh">`` is followed, as the browser
does for ``index.html``.

*First visit* is the root page with an empty cache. *Added* is what a page costs once the first visit
is cached (the shared Vega bundle, theme scripts and fonts are counted once, in the first visit). The
budget: a chapter adds at most :data:`BUDGET_BYTES`. Bytes are file sizes as served by a plain HTTP
server (no compression); the gzip column says what a compressing server would send.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

BUDGET_BYTES = 400 * 1024
BASE = "http://site.invalid/"  # a fake origin to resolve relative URLs; nothing is requested

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"])([^'"]+)\1""", re.I)
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.I)
_FONT_SRC = re.compile(r"\bsrc\s*:([^;}]*)", re.I)
_REFRESH = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)
_FETCHED_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon", "manifest"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.refresh: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            if rels & _FETCHED_RELS:
                self.urls.append(a["href"])
        elif tag in ("img", "source", "iframe", "embed", "audio", "video", "track", "input"):
            for key in ("src", "poster"):
                if a.get(key):
                    self.urls.append(a[key])
            if a.get("srcset"):
                self.urls += [part.strip().split()[0] for part in a["srcset"].split(",") if part.strip()]
        elif tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            found = _REFRESH.search(a.get("content", ""))
            if found:
                self.refresh = found.group(1).strip()


def _css_urls(text: str) -> list[str]:
    """URLs a browser fetches for a stylesheet: imports, the first source of each @font-face, other url()s."""
    urls = [m.group(2) for m in _CSS_IMPORT.finditer(text)]
    rest = text
    for face in _FONT_FACE.finditer(text):
        src = _FONT_SRC.search(face.group(1))
        if src:
            first = _CSS_URL.search(src.group(1))
            if first:
                urls.append(first.group(2))
        rest = rest.replace(face.group(0), "")
    rest = _CSS_IMPORT.sub("", rest)
    urls += [m.group(2) for m in _CSS_URL.finditer(rest)]
    return urls


@dataclass
class Site:
    """Resolves URLs of a built site to its files and caches what each resource pulls in."""

    html_dir: Path
    missing: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)
    _deps: dict[str, list[str]] = field(default_factory=dict)

    def url_of(self, path: Path) -> str:
        return urljoin(BASE, path.relative_to(self.html_dir).as_posix())

    def file_of(self, url: str) -> Path | None:
        """The file serving ``url`` (query and fragment ignored), or None when not part of the site."""
        parts = urlsplit(url)
        if not url.startswith(BASE):
            return None
        rel = unquote(parts.path[len(urlsplit(BASE).path) :])
        path = self.html_dir / rel
        if path.is_dir():
            path = path / "index.html"
        return path

    def _resolve(self, base_url: str, ref: str) -> str | None:
        ref = ref.strip()
        if not ref or ref.startswith(("data:", "#", "javascript:", "mailto:", "about:", "blob:")):
            return None
        url = urljoin(base_url, ref)
        if not url.startswith(BASE):
            self.external.add(url)
            return None
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}{parts.path}"

    def deps(self, url: str) -> list[str]:
        """Resources ``url`` makes the browser fetch directly (for HTML and CSS)."""
        if url in self._deps:
            return self._deps[url]
        path = self.file_of(url)
        out: list[str] = []
        if path is None or not path.is_file():
            self.missing.add(url)
        elif path.suffix in (".html", ".htm"):
            parser = _PageParser()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            refs = parser.urls + ([parser.refresh] if parser.refresh else [])
            out = [u for u in (self._resolve(url, r) for r in refs) if u]
        elif path.suffix == ".css":
            out = [
                u
                for u in (self._resolve(url, r) for r in _css_urls(path.read_text(encoding="utf-8", errors="replace")))
                if u
            ]
        self._deps[url] = list(dict.fromkeys(out))
        return self._deps[url]

    def closure(self, url: str) -> list[str]:
        """The page and everything it pulls in, transitively, in discovery order."""
        seen: dict[str, None] = {}
        todo = [url]
        while todo:
            cur = todo.pop(0)
            if cur in seen:
                continue
            seen[cur] = None
            todo += [d for d in self.deps(cur) if d not in seen]
        return list(seen)

    def size(self, url: str) -> int:
        path = self.file_of(url)
        return path.stat().st_size if path is not None and path.is_file() else 0

    def gzip_size(self, url: str) -> int:
        path = self.file_of(url)
        if path is None or not path.is_file():
            return 0
        return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@dataclass(frozen=True)
class PageWeight:
    page: str  # path relative to the html folder
    total: int  # bytes of the page and all it loads, empty cache
    added: int  # bytes not already cached by the first visit
    added_gzip: int
    resources: int  # number of files it loads
    is_chapter: bool

    @property
    def over_budget(self) -> bool:
        return self.is_chapter and self.added > BUDGET_BYTES


@dataclass(frozen=True)
class Report:
    root: str
    first_visit: int
    first_visit_gzip: int
    first_visit_files: int
    shared: list[tuple[str, int]]  # the largest files of the first visit
    pages: list[PageWeight]
    missing: list[str]
    external: list[str]


def pages_of(html_dir: Path) -> list[Path]:
    """Every HTML page, root first, then in path order."""
    pages = sorted(html_dir.rglob("*.html"), key=lambda p: p.relative_to(html_dir).as_posix())
    pages = [p for p in pages if not any(part.startswith((".", "_")) for part in p.relative_to(html_dir).parts[:-1])]
    root = html_dir / "index.html"
    return ([root] if root in pages else []) + [p for p in pages if p != root]


def is_chapter(rel: str) -> bool:
    """A page of the book's content (``book/…``); the index, search and genindex pages are not chapters."""
    return rel.startswith("book/")


def measure(html_dir: Path) -> Report:
    """Weigh every page of ``html_dir`` (see the module docstring)."""
    html_dir = Path(html_dir)
    site = Site(html_dir)
    pages = pages_of(html_dir)
    if not pages:
        raise FileNotFoundError(f"no HTML page under {html_dir}: build the site first (make book)")
    root_url = site.url_of(pages[0])
    cached = set(site.closure(root_url))
    weights = []
    for page in pages:
        url = site.url_of(page)
        needed = site.closure(url)
        extra = [u for u in needed if u not in cached]
        rel = page.relative_to(html_dir).as_posix()
        weights.append(
            PageWeight(
                rel,
                sum(site.size(u) for u in needed),
                sum(site.size(u) for u in extra),
                sum(site.gzip_size(u) for u in extra),
                len(needed),
                is_chapter(rel),
            )
        )
    shared = sorted(((u[len(BASE) :], site.size(u)) for u in cached), key=lambda t: -t[1])[:6]
    return Report(
        pages[0].relative_to(html_dir).as_posix(),
        sum(site.size(u) for u in cached),
        sum(site.gzip_size(u) for u in cached),
        len(cached),
        shared,
        weights,
        sorted(u[len(BASE) :] for u in site.missing),
        sorted(site.external),
    )


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB".replace(",", " ")


def render(report: Report) -> str:
    lines = [
        f"Lần đầu / first visit ({report.root}, cache trống / empty cache): {_kb(report.first_visit)} "
        f"in {report.first_visit_files} files (gzip ≈ {_kb(report.first_visit_gzip)})",
        "  lớn nhất / largest shared files: " + ", ".join(f"{name} {_kb(n)}" for name, n in report.shared),
        "",
        f"{'trang / page':<44} {'tải đủ / total':>14} {'thêm / added':>13} {'gzip thêm':>11} {'tệp':>5}  ngân sách "
        "/ budget",
    ]
    for w in report.pages:
        verdict = ("VƯỢT / OVER" if w.over_budget else "ok") if w.is_chapter else "—"
        lines.append(
            f"{w.page:<44} {_kb(w.total):>14} {_kb(w.added):>13} {_kb(w.added_gzip):>11} {w.resources:>5}  {verdict}"
        )
    over = [w for w in report.pages if w.over_budget]
    lines.append("")
    if report.missing:
        lines.append("Thiếu tệp / missing files referenced: " + ", ".join(report.missing))
    if report.external:
        lines.append("Tham chiếu ra ngoài / external references: " + ", ".join(report.external))
    limit = _kb(BUDGET_BYTES)
    if over:
        lines.append(
            f"VƯỢT NGÂN SÁCH / OVER BUDGET: {len(over)} chương thêm quá {limit} sau lần đầu: "
            + ", ".join(w.page for w in over)
        )
    else:
        chapters = [w for w in report.pages if w.is_chapter]
        worst = max((w.added for w in chapters), default=0)
        lines.append(f"Đạt ngân sách / within budget: mỗi chương thêm tối đa {_kb(worst)} (giới hạn {limit}).")
    return "\n".join(lines)
