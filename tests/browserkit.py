"""What the browser tests share: Debian's Chromium driven by Playwright, the site built once per session in a
temporary copy of the project and served on 127.0.0.1, a page visit that records every request, and the
Node tools of ``make browser`` (axe-core) found under ``.cache/node``.

Imported by ``tests/test_browser.py`` and ``tests/test_browser_reader.py`` (``pythonpath = ["tests"]``).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chitieu.build.pipeline import build_book
from chitieu.config import PROJ_ROOT as ROOT

CHROMIUM = Path(os.environ.get("CHITIEU_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--no-pings",
]
IGNORE = shutil.ignore_patterns(
    ".venv", ".venv-lab", "_build", ".git", "__pycache__", ".pytest_cache", "*.egg-info", "staging", ".cache", ".site"
)
NODE_MODULES = ROOT / ".cache" / "node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
# WCAG 2.1 levels A and AA, the rules the issue asks for.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def require_chromium() -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)", pytrace=False)


def axe_source() -> str:
    """axe-core's script (installed by ``make browser``); the test skips, saying so, where it is missing."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE}): run `make browser` (npm install axe-core into .cache/node)")
    return AXE.read_text(encoding="utf-8")


def copy_project(tmp_path_factory, name: str) -> Path:
    root = tmp_path_factory.mktemp(name)
    shutil.copytree(ROOT, root, dirs_exist_ok=True, ignore=IGNORE)
    (root / "book").mkdir(exist_ok=True)
    for nb in (root / "book").glob("*.ipynb"):
        nb.unlink()
    return root


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output readable
        pass


class Server:
    """``_build/html`` served on 127.0.0.1 at a free port, in a thread (a plain server: no compression)."""

    def __init__(self, html: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(html))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.html = html
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"http://{self.host}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


_BUILT: dict[str, Path] = {}


def built_site(tmp_path_factory) -> Path:
    """The book built once per session from a copy of the project as it is; its ``_build/html``."""
    if "site" not in _BUILT:
        require_chromium()
        root = copy_project(tmp_path_factory, "browser-site")
        _BUILT["site"] = build_book(2023, root=root)
    return _BUILT["site"]


def pages(html: Path) -> list[str]:
    """Every HTML page of the site, relative to its root (whatever chapters exist now)."""
    out = []
    for page in sorted(html.rglob("*.html")):
        rel = page.relative_to(html)
        if any(part.startswith(("_", ".")) for part in rel.parts[:-1]):
            continue
        out.append(rel.as_posix())
    return out


def chapters(html: Path) -> list[str]:
    return [p for p in pages(html) if p.startswith("book/")]


class Visit:
    """One page opened in a fresh context, with everything the browser did recorded."""

    def __init__(
        self, browser, server: Server, rel: str, width: int, height: int = 900, *, mobile: bool = False, **context
    ) -> None:
        self.server, self.rel, self.width = server, rel, width
        self.context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=1,
            is_mobile=mobile,
            has_touch=mobile,
            locale="vi-VN",
            service_workers="block",
            **context,
        )
        self.external: list[str] = []
        self.local: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on(
            "console",
            lambda msg: self.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None,
        )
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        self.page.on("requestfailed", lambda req: self.failed.append(f"{req.url} ({req.failure})"))
        self.page.on("websocket", lambda ws: self.external.append(ws.url))

    def open(self, mode: str | None = None) -> Visit:
        """Go to the page (in ``mode``, light or dark, when given) and wait for it to load."""
        if mode:
            self.page.add_init_script(f"localStorage.setItem('mode','{mode}');localStorage.setItem('theme','{mode}')")
        rel = self.rel
        self.response = self.page.goto(self.server.base + rel, wait_until="load")
        if 'http-equiv="refresh"' in (self.server.html / rel.split("?", 1)[0]).read_text(encoding="utf-8").lower():
            # index.html redirects to the first page: wait for the browser to follow it.
            self.page.wait_for_url(lambda url: url != self.server.base + rel, wait_until="load")
        return self

    def _route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            route.continue_()
        elif parts.netloc == self.server.host:
            self.local.append(url)
            route.continue_()
        else:
            self.external.append(url)
            route.abort("blockedbyclient")

    def settle(self) -> None:
        """Let late requests (fonts, images) happen so that they are recorded; never hangs the test."""
        try:
            self.page.wait_for_load_state("networkidle", timeout=3000)
        except Exception:
            pass

    def close(self) -> None:
        self.context.close()


def run_axe(page, source: str) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on ``page``: rule id, impact, how many nodes, first targets."""
    # Everything laid out, as it is once scrolled to (chitieu.css defers the layout of long blocks off screen):
    # axe judges the colours of every element, not only of those near the top of the page.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    page.add_script_tag(content=source)
    return page.evaluate(
        """async (tags) => {
             const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
             return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
               targets: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '')
                 .split('\\n').slice(0, 2).join(' '))}));
           }""",
        AXE_TAGS,
    )
