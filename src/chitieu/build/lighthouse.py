"""``make lighthouse``: how the built site does for a reader on a phone and a slow link (``python -m chitieu
lighthouse``). A benchmark: it prints figures and says which targets are missed; no test asserts a time.

For the chapters of :data:`PAGES`, served by a plain HTTP server on 127.0.0.1 with no compression (the
strict case: the targets are judged on it):

- **Slow link**: Debian's Chromium through Playwright, with Chromium's own network emulation (CDP
  ``Network.emulateNetworkConditions``: 1,6 Mbit/s down, 750 kbit/s up, 150 ms latency) and a 390 px phone
  screen, empty cache: the bytes transferred, the first contentful paint and the time until every chart of
  the page is drawn (target :data:`CHARTS_WITHIN_S`).
- **Lighthouse** 12 (npm, installed by ``make lighthouse`` into ``.cache/node``), mobile preset (simulated
  slow 4G and a 4× slower CPU), pointed at the same Chromium: the scores of performance, accessibility,
  best practices and SEO, with the metrics behind performance (targets :data:`TARGETS`); then once more
  with the text files sent gzip-compressed, as Apache and nginx (Debian's defaults) or GitHub Pages send
  them, printed for reference.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import mimetypes
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = ("book/00_gioi_thieu.html", "book/01_chi_tieu_chu_yeu.html", "book/13_kiem_tra_so_lieu.html")
TARGETS = {"performance": 0.90, "accessibility": 0.95, "best-practices": 0.95}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
CHARTS_WITHIN_S = 4.0
FIRST_VISIT_BYTES = 1_200_000
SLOW_LINK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
_CHARTS_DRAWN = """() => document.readyState !== 'loading' && [...document.querySelectorAll('.chitieu-chart')]
  .every(c => [...c.querySelectorAll('svg')].some(s => s.getBoundingClientRect().width > 0))"""

# The page may be loaded before its first paint (a light page, no chart to wait for): wait for the paint entry.
_FIRST_CONTENTFUL_PAINT = """() => new Promise(done => {
  const fcp = list => list.find(e => e.name === 'first-contentful-paint');
  const now = fcp(performance.getEntriesByType('paint'));
  if (now) { done(now.startTime); return; }
  new PerformanceObserver(l => { const e = fcp(l.getEntries()); if (e) { done(e.startTime); } })
    .observe({type: 'paint', buffered: true});
  setTimeout(() => done(NaN), 10000);
})"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


COMPRESSED_SUFFIXES = (".html", ".css", ".js", ".svg", ".json", ".txt", ".md")


class _Gzip(_Quiet):
    """Text files gzip-compressed when the browser accepts it (as a web server set up by default does)."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.suffix in COMPRESSED_SUFFIXES and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@contextlib.contextmanager
def serve(html_dir: Path, *, compress: bool = False):
    """``html_dir`` on http://127.0.0.1:<free port>/ while the block runs (text files gzip-compressed when
    ``compress``); yields the base URL."""
    handler = _Gzip if compress else _Quiet
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(html_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass(frozen=True)
class SlowLink:
    page: str
    bytes: int
    first_paint_s: float
    charts: int
    charts_drawn_s: float


def slow_link(base: str, pages: tuple[str, ...], chromium: Path) -> list[SlowLink]:
    """Each page opened once on the emulated slow link (see the module's description)."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        try:
            for rel in pages:
                context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
                received: dict[str, int] = {}
                cdp.on(
                    "Network.loadingFinished",
                    lambda e, r=received: r.__setitem__(e["requestId"], e["encodedDataLength"]),
                )
                start = time.perf_counter()
                page.goto(base + rel, wait_until="commit")
                page.wait_for_function(_CHARTS_DRAWN, timeout=120_000, polling=50)
                drawn = time.perf_counter() - start
                page.wait_for_load_state("load")
                paint = page.evaluate(_FIRST_CONTENTFUL_PAINT)
                charts = page.locator(".chitieu-chart").count()
                out.append(SlowLink(rel, sum(received.values()), paint / 1000, charts, drawn))
                context.close()
        finally:
            browser.close()
    return out


def _record(received: dict[str, int], event: dict) -> None:
    received[event["requestId"]] = event["encodedDataLength"]


@dataclass(frozen=True)
class Scores:
    page: str
    categories: dict[str, float]
    metrics: dict[str, str]


def lighthouse(url: str, node_dir: Path, chromium: Path) -> Scores:
    """Lighthouse's mobile run of ``url`` (the scores 0–1 of :data:`CATEGORIES` and the metrics' values)."""
    cli = node_dir / "node_modules" / "lighthouse" / "cli" / "index.js"
    node = shutil.which("node")
    if node is None or not cli.is_file():
        raise FileNotFoundError(f"Lighthouse is not installed ({cli}): run `make lighthouse`")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [node, str(cli), url, "--output=json", f"--output-path={report}", "--quiet"]
        cmd += [f"--chrome-flags={CHROMIUM_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
        env = {"CHROME_PATH": str(chromium), "HOME": tmp, "PATH": f"{Path(node).parent}:/usr/bin:/bin"}
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url}:\n{(done.stderr or done.stdout)[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    categories = {k: float(v["score"]) for k, v in data["categories"].items() if v.get("score") is not None}
    metrics = {m: data["audits"][m].get("displayValue", "") for m in METRICS if m in data["audits"]}
    metrics["total-byte-weight"] = data["audits"].get("total-byte-weight", {}).get("displayValue", "")
    return Scores(url.split("/", 3)[-1], categories, metrics)


def _n(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def render(
    links: list[SlowLink], scores: list[Scores], compressed: list[Scores] | None = None
) -> tuple[str, list[str]]:
    """The report as text, and the targets missed (judged on the uncompressed server; ``compressed``, the
    same pages served gzip-compressed, is printed for reference)."""
    missed = []
    lines = ["Đường truyền chậm / slow link (1,6 Mbit/s, 150 ms, 390 px, cache trống / empty cache):"]
    for s in links:
        lines.append(
            f"  {s.page:<36} {s.bytes / 1e6:>5.2f} MB  first paint {_n(s.first_paint_s, 1)} s  "
            f"{s.charts} charts drawn at {_n(s.charts_drawn_s, 1)} s"
        )
        if s.charts_drawn_s > CHARTS_WITHIN_S:
            missed.append(f"{s.page}: charts after {_n(s.charts_drawn_s, 1)} s > {_n(CHARTS_WITHIN_S, 0)} s")
        if s.bytes > FIRST_VISIT_BYTES:
            missed.append(f"{s.page}: {s.bytes / 1e6:.2f} MB > {FIRST_VISIT_BYTES / 1e6:.1f} MB")
    lines += ["", "Lighthouse 12, mobile, máy chủ không nén / uncompressed server (the targets):"]
    lines += _score_lines(scores)
    for sc in scores:
        for name, target in TARGETS.items():
            if sc.categories.get(name, 0.0) < target:
                missed.append(f"{sc.page}: {name} {_n(sc.categories.get(name, 0.0))} < {_n(target)}")
    if compressed:
        lines += [
            "",
            "Lighthouse 12, mobile, máy chủ nén gzip / gzip server (Apache, nginx, GitHub Pages; for reference):",
        ]
        lines += _score_lines(compressed)
    lines += ["", "Chưa đạt / missed: " + "; ".join(missed) if missed else "Đạt mọi mục tiêu / every target met."]
    return "\n".join(lines), missed


def _score_lines(scores: list[Scores]) -> list[str]:
    lines = []
    for sc in scores:
        cats = "  ".join(f"{k} {_n(v)}" for k, v in sc.categories.items())
        lines.append(f"  {sc.page:<36} {cats}")
        lines.append("  " + " " * 36 + " " + "; ".join(f"{k} {v}" for k, v in sc.metrics.items()))
    return lines


def run(html_dir: Path, node_dir: Path, chromium: Path, pages: tuple[str, ...] = PAGES) -> int:
    """Measure, print; 0 when every target is met, 1 when one is missed, 2 without a site or the tools."""
    missing = [p for p in pages if not (html_dir / p).is_file()]
    if missing:
        print(f"no such page in {html_dir}: {missing} (build the site first: make book)")
        return 2
    if not chromium.is_file():
        print(f"{chromium} is missing: run `make browser`")
        return 2
    try:
        with serve(html_dir) as base:
            links = slow_link(base, pages, chromium)
            scores = [lighthouse(base + p, node_dir, chromium) for p in pages]
        with serve(html_dir, compress=True) as base:
            compressed = [lighthouse(base + p, node_dir, chromium) for p in pages]
    except FileNotFoundError as exc:
        print(str(exc))
        return 2
    text, missed = render(links, scores, compressed)
    print(text)
    return 1 if missed else 0
